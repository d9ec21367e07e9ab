/** Find an indexed face by one of its names. */
import type { FaceInfo } from './types.ts';

/** Fold a font name for comparison: width forms, case, spaces, hyphens and underscores do not matter. */
export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, '');
}

/** A face's names folded. */
interface FoldedNames {
  /** Every name. */
  names: Set<string>;
  /** The PostScript name. */
  postscriptName: string;
  /** The family. */
  family: string;
}

/**
 * Folded names per face, made once: a build looks up each role's standard names (仿宋_GB2312,
 * FangSong…) in every source, and folding (NFKC) all names of hundreds of system faces on each
 * lookup cost ~0.1 s of a cold build.
 */
const foldedByFace = new WeakMap<FaceInfo, FoldedNames>();

function foldedNames(f: FaceInfo): FoldedNames {
  let folded = foldedByFace.get(f);
  if (!folded) {
    folded = { names: new Set(f.names.map(foldName)), postscriptName: foldName(f.postscriptName), family: foldName(f.family) };
    foldedByFace.set(f, folded);
  }
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
    const folded = foldedNames(f);
    if (!folded.names.has(want)) continue;
    const exact = folded.postscriptName === want || folded.family !== want;
    const score = (exact ? 0 : 10_000) + Math.abs(f.weight - 400);
    if (score < bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return best;
}
