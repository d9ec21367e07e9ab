/** Find an indexed face by one of its names. */
import type { FaceInfo } from './types.ts';

/** Fold a font name for comparison: width forms, case, spaces, hyphens and underscores do not matter. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');
}

/**
 * Folded names per face, made once: a build looks up each role's standard names (仿宋_GB2312,
 * FangSong…) in every source, and folding (NFKC) all names of hundreds of system faces on each
 * lookup cost ~0.1 s of a cold build.
 */
const foldedByFace = new WeakMap<FaceInfo, Set<string>>();

function foldedNames(f: FaceInfo): Set<string> {
  let folded = foldedByFace.get(f);
  if (!folded) foldedByFace.set(f, (folded = new Set(f.names.map(foldName))));
  return folded;
}

/**
 * The best face answering to `name`: a face whose full or PostScript name it is beats one whose
 * family it is; among a family's members the one nearest Regular (400) wins.
 */
export function findFaceByName(faces: readonly FaceInfo[], name: string): FaceInfo | undefined {
  const want = foldName(name);
  if (!want) return undefined;
  let best: FaceInfo | undefined;
  let bestScore = Infinity;
  for (const f of faces) {
    if (!foldedNames(f).has(want)) continue;
    const exact = foldName(f.postscriptName) === want || foldName(f.family) !== want;
    const score = (exact ? 0 : 10_000) + Math.abs(f.weight - 400);
    if (score < bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}
