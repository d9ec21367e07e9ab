/**
 * Face lookup and advance measurement with per-run caches. Every other layout file measures
 * through this. Faces of the text come chosen from the style stage (which also reports glyphs no
 * face has); the lookup here serves text the layout makes itself (page numbers).
 */
import { faceCacheOf, type FaceCache } from '../../fonts/face-cache.ts';
import type { FontRole } from '../../fonts/roles.ts';
import type { Measurer } from '../types.ts';

/**
 * Short strings kept per face; a bound so a long-running process (serve, watch: one measurer per
 * font set for its whole life) cannot grow the cache without limit.
 */
const ADVANCE_LIMIT = 50_000;

/** Advances measured by one measurer, kept across layout runs (a measurer's answers never change). */
const advanceCaches = new WeakMap<Measurer, Map<string, Map<string, number>>>();

function advancesOf(m: Measurer): Map<string, Map<string, number>> {
  let c = advanceCaches.get(m);
  if (!c) advanceCaches.set(m, (c = new Map()));
  return c;
}

/** Cached measurement for one layout run. */
export class Faces {
  /** The measurer: caches kept across layout runs are keyed by it (its answers never change). */
  readonly measurer: Measurer;
  private readonly advances: Map<string, Map<string, number>>;
  private readonly faces: FaceCache;

  constructor(measurer: Measurer) {
    this.measurer = measurer;
    this.advances = advancesOf(measurer);
    this.faces = faceCacheOf(measurer);
  }

  /** The face drawing `cp` in `role`, falling back to the role's own face when none has it. */
  faceFor(role: FontRole, cp: number): string {
    return this.faces.faceFor(role, cp) ?? this.faces.roleFace(role);
  }

  /** The face serving a role. */
  roleFace(role: FontRole): string {
    return this.faces.roleFace(role);
  }

  /** Ink extents of a code point in a face, in em (undefined when the measurer cannot tell). */
  inkSpans(faceKey: string, cp: number): readonly (readonly [number, number])[] | undefined {
    const spans = this.measurer.inkSpans?.(faceKey, cp);
    return spans && spans.length > 0 ? spans : undefined;
  }

  /** Advance of `text` in `faceKey`, in em. */
  advanceEm(faceKey: string, text: string): number {
    let byText = this.advances.get(faceKey);
    if (!byText) this.advances.set(faceKey, (byText = new Map()));
    let a = byText.get(text);
    if (a === undefined) {
      a = this.measurer.advance(faceKey, text);
      // Only single characters and short words repeat often enough to be worth keeping.
      if (text.length <= 8) {
        if (byText.size >= ADVANCE_LIMIT) byText.clear();
        byText.set(text, a);
      }
    }
    return a;
  }
}
