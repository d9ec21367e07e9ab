/**
 * The fonts the page draws with: for each preview, every face its pages use, subset to the
 * characters drawn (hb-subset in a render worker, the DOCX embedder's subsetter), served as
 * `@font-face` sources. A subset is named by a hash of face and characters, so an edit that adds
 * no new character reuses the one the browser already has.
 */
import type { BuildOptions } from '../config/options.ts';
import type { FaceSubset } from './preview.ts';
import type { RenderPool } from './render-pool.ts';
import { MAX_CACHED_SUBSETS } from './limits.ts';

/** Subsets known (named by some preview) and the bytes of those made recently. */
export class FontSubsets {
  /** What each family name stands for; bounded like the bytes (oldest forgotten first). */
  private readonly known = new Map<string, FaceSubset>();
  private readonly bytes = new Map<string, Promise<Uint8Array | undefined>>();

  constructor(
    private readonly pool: RenderPool,
    private readonly options: () => BuildOptions,
  ) {}

  /** Remember the subsets a preview names. */
  register(faces: readonly FaceSubset[]): void {
    for (const f of faces) {
      this.known.delete(f.family);
      this.known.set(f.family, f);
    }
    while (this.known.size > MAX_CACHED_SUBSETS * 16) this.known.delete(this.known.keys().next().value!);
  }

  /** The TrueType bytes of a family, made on first request; undefined for an unknown name. */
  get(family: string): Promise<Uint8Array | undefined> {
    const cached = this.bytes.get(family);
    if (cached) {
      this.bytes.delete(family);
      this.bytes.set(family, cached);
      return cached;
    }
    const face = this.known.get(family);
    if (!face) return Promise.resolve(undefined);
    const made = this.pool.run('subset', { faceKey: face.faceKey, chars: face.chars, options: this.options() });
    // A failed subset is not cached: the next request tries again.
    made.catch(() => this.bytes.delete(family));
    this.bytes.set(family, made);
    while (this.bytes.size > MAX_CACHED_SUBSETS) this.bytes.delete(this.bytes.keys().next().value!);
    return made;
  }
}
