/**
 * The tasks the server hands its render workers, and their answers. Everything here crosses a
 * thread boundary, so it is plain data (structured-clonable).
 */
import type { BuildOptions } from '../config/options.ts';
import type { Converted } from '../pipeline/convert-file.ts';
import type { Preview } from './preview.ts';

/** Each task kind with its payload and its answer. */
export interface RenderTasks {
  /** Load the fonts, so the first real request does not wait for them. */
  warm: { payload: { options: BuildOptions }; answer: { fonts: string[] } };
  /** Lay out and draw a manuscript as SVG pages. */
  preview: { payload: { bytes: Uint8Array; name: string; options: BuildOptions; withText: boolean }; answer: Preview };
  /** Build one file from the private temp folder, as `build` does (same function, same options). */
  convert: { payload: { input: string; display: string; options: BuildOptions; dateMs: number }; answer: Converted };
  /** A TrueType subset of one face holding these characters, for the browser. */
  subset: { payload: { faceKey: string; chars: string; options: BuildOptions }; answer: Uint8Array | undefined };
}

/** A task kind. */
export type TaskKind = keyof RenderTasks;

/** A message to a worker. */
export interface TaskMessage<K extends TaskKind = TaskKind> {
  /** Task id, echoed in the reply. */
  id: number;
  /** What to do. */
  kind: K;
  /** With what. */
  payload: RenderTasks[K]['payload'];
}

/** A worker's reply: the answer, or the crash (our bug, reported without its stack to the client). */
export type TaskReply = { id: number; answer: unknown } | { id: number; crash: string };
