/**
 * harfbuzzjs, the HarfBuzz wasm build `subset-font` ships, driven through HarfBuzz's own C API
 * (pointers as numbers) instead of subset-font's per-call wrapper (see render/docx/hb-subset.ts
 * for why). What is harfbuzzjs's and not a public API lives here: where its wasm file is inside
 * the package, that it needs no imports and exports `_initialize`, `malloc`/`free` and `memory`.
 * tests/adapters/harfbuzz.test.ts fails when a release changes any of it. No V8 flags are set: the
 * module is compiled as V8 compiles any other.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parts of the WebAssembly global used (this project's TypeScript libs do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

/** The HarfBuzz exports used (the C API, pointers as numbers). */
export interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
  _initialize(): void;
}

/** `HB_MEMORY_MODE_WRITABLE` (hb-blob.h). */
export const HB_MEMORY_MODE_WRITABLE = 2;
/** `HB_SUBSET_SETS_LAYOUT_FEATURE_TAG` (hb-subset.h). */
export const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** Every export `HarfBuzz` declares (what the adapter test checks a release still has). */
export const HARFBUZZ_EXPORTS = [
  'memory', 'malloc', 'free', 'hb_blob_create', 'hb_blob_destroy', 'hb_blob_get_data', 'hb_blob_get_length', 'hb_face_create',
  'hb_face_destroy', 'hb_face_reference_blob', 'hb_set_add', 'hb_set_clear', 'hb_set_invert', 'hb_subset_input_create_or_fail',
  'hb_subset_input_destroy', 'hb_subset_input_set', 'hb_subset_input_unicode_set', 'hb_subset_or_fail', '_initialize',
] as const;

/** The wasm file: the harfbuzzjs copy subset-font depends on, wherever npm placed it. */
export function harfbuzzWasmPath(): string {
  const fromSubsetFont = createRequire(createRequire(import.meta.url).resolve('subset-font'));
  return fromSubsetFont.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
}

let compiled: object | undefined;

/**
 * A new HarfBuzz instance. This build's memory is fixed at 64 MB (it cannot grow), room for one
 * CJK face and its subsetting but not for five: each face gets an instance of its own. The module
 * is compiled once per process.
 */
export function newHarfBuzz(): HarfBuzz {
  compiled ??= new Module(readFileSync(harfbuzzWasmPath()));
  const exports = new Instance(compiled, {}).exports as Partial<HarfBuzz>;
  const missing = HARFBUZZ_EXPORTS.filter((name) => !(name in exports));
  if (missing.length > 0) throw new Error(`[docx] harfbuzzjs lacks ${missing.join(', ')}; src/adapters/harfbuzz.ts needs updating`);
  const h = exports as HarfBuzz;
  h._initialize();
  return h;
}
