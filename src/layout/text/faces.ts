/**
 * Face lookup and advance measurement with per-run caches. Every other layout file measures
 * through this. Faces of the text come chosen from the style stage (which also reports glyphs no
 * face has); the lookup here serves text the layout makes itself (page numbers).
 */
import type { FontRole } from '../../fonts/roles.ts';
import type { Measurer } from '../types.ts';

/** Probe characters used to find the face of a role when the measurer has no `roleFace`. */
const ROLE_PROBES = ['字', '一', 'a', '0'];

/** Answers of one measurer, kept across layout runs (a measurer's answers never change). */
interface MeasurerCache {
  advances: Map<string, Map<string, number>>;
  faces: Map<FontRole, Map<number, string | undefined>>;
  roleFaces: Map<FontRole, string>;
}

const caches = new WeakMap<Measurer, MeasurerCache>();

function cacheOf(m: Measurer): MeasurerCache {
  let c = caches.get(m);
  if (!c) caches.set(m, (c = { advances: new Map(), faces: new Map(), roleFaces: new Map() }));
  return c;
}

/** Cached measurement for one layout run. */
export class Faces {
  private readonly measurer: Measurer;
  private readonly advances: Map<string, Map<string, number>>;
  private readonly faceCache: Map<FontRole, Map<number, string | undefined>>;
  private readonly roleFaces: Map<FontRole, string>;

  constructor(measurer: Measurer) {
    this.measurer = measurer;
    const c = cacheOf(measurer);
    this.advances = c.advances;
    this.faceCache = c.faces;
    this.roleFaces = c.roleFaces;
  }

  /** The face drawing `cp` in `role`, falling back to the role's own face when none has it. */
  faceFor(role: FontRole, cp: number): string {
    let byCp = this.faceCache.get(role);
    if (!byCp) this.faceCache.set(role, (byCp = new Map()));
    let face = byCp.get(cp);
    if (face === undefined && !byCp.has(cp)) {
      face = this.measurer.faceFor(role, cp);
      byCp.set(cp, face);
    }
    return face ?? this.roleFace(role);
  }

  /** The face serving a role. */
  roleFace(role: FontRole): string {
    const cached = this.roleFaces.get(role);
    if (cached) return cached;
    let face = this.measurer.roleFace?.(role);
    for (const probe of ROLE_PROBES) {
      if (face !== undefined) break;
      face = this.measurer.faceFor(role, probe.codePointAt(0)!);
    }
    if (face === undefined) throw new Error(`[layout] No face serves the font role \`${role}\``);
    this.roleFaces.set(role, face);
    return face;
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
      if (text.length <= 8) byText.set(text, a);
    }
    return a;
  }
}
