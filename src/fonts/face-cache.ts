/**
 * Which face draws a code point in a font role, and each role's own face, asked once per lookup.
 * The style stage (choosing each character's face) and the layout (measuring the text it makes
 * itself, such as page numbers) ask the same questions of the same font set; one cache per lookup
 * serves both, since a lookup's answers never change.
 */
import type { FontRole } from './roles.ts';
import type { FaceLookup } from './types.ts';

/** Probe characters used to find the face of a role when the lookup has no `roleFace`. */
const ROLE_PROBES = ['字', '一', 'a', '0'];

/** The cached answers of one face lookup. */
export class FaceCache {
  private readonly lookup: FaceLookup;
  private readonly byRole = new Map<FontRole, Map<number, string | undefined>>();
  private readonly roleFaces = new Map<FontRole, string>();

  constructor(lookup: FaceLookup) {
    this.lookup = lookup;
  }

  /** The role asked for last and its answers: text asks for one role character after character. */
  private lastRole: FontRole | undefined;
  private lastAnswers: Map<number, string | undefined> | undefined;

  /** The face drawing `cp` in `role`, or undefined when no face has it. */
  faceFor(role: FontRole, cp: number): string | undefined {
    let m = role === this.lastRole ? this.lastAnswers : this.byRole.get(role);
    if (!m) this.byRole.set(role, (m = new Map()));
    this.lastRole = role;
    this.lastAnswers = m;
    const known = m.get(cp);
    if (known !== undefined || m.has(cp)) return known;
    const face = this.lookup.faceFor(role, cp);
    m.set(cp, face);
    return face;
  }

  /** The face serving a role before fallback. */
  roleFace(role: FontRole): string {
    let face = this.roleFaces.get(role);
    if (face !== undefined) return face;
    face = this.lookup.roleFace?.(role);
    for (const probe of ROLE_PROBES) {
      if (face !== undefined) break;
      face = this.lookup.faceFor(role, probe.codePointAt(0)!);
    }
    if (face === undefined) throw new Error(`[fonts] No face serves the font role \`${role}\``);
    this.roleFaces.set(role, face);
    return face;
  }
}

const caches = new WeakMap<FaceLookup, FaceCache>();

/** The one cache of `lookup`, made on first use. */
export function faceCacheOf(lookup: FaceLookup): FaceCache {
  let c = caches.get(lookup);
  if (!c) caches.set(lookup, (c = new FaceCache(lookup)));
  return c;
}
