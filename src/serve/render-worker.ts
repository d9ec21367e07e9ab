/**
 * Render worker body: previews, builds and font subsets for the server, one task at a time, with
 * fonts loaded once for the worker's lifetime. The server's own thread never lays out text, so a
 * 100k-character manuscript keeps one worker busy and leaves the others (and the server) free.
 */
import { parentPort } from 'node:worker_threads';
import type { BuildOptions } from '../config/options.ts';
import { fontsForBuild } from '../pipeline/fonts-for-build.ts';
import { convertFile } from '../pipeline/convert-file.ts';
import { hbSubset } from '../render/docx/hb-subset.ts';
import { previewFile } from './preview.ts';
import type { RenderTasks, TaskKind, TaskMessage, TaskReply } from './render-tasks.ts';

type Handlers = { [K in TaskKind]: (p: RenderTasks[K]['payload']) => Promise<RenderTasks[K]['answer']> };

const fonts = async (options: BuildOptions) => (await fontsForBuild(options)).fontSet;

const handlers: Handlers = {
  warm: async ({ options }) => ({ fonts: (await fonts(options)).describe() }),
  preview: async ({ bytes, name, options, withText }) => previewFile(bytes, name, await fonts(options), { build: options, withText }),
  convert: async ({ input, display, options, dateMs }) => convertFile(input, display, options, await fonts(options), new Date(dateMs)),
  subset: async ({ faceKey, chars, options }) => {
    const face = (await fonts(options)).faces().find((f) => f.key === faceKey);
    return face ? hbSubset(face.font, face.info.file, chars) : undefined;
  },
};

if (!parentPort) throw new Error('[serve] render-worker.ts must run in a worker thread');
const port = parentPort;
port.on('message', async (task: TaskMessage) => {
  try {
    const answer = await (handlers[task.kind] as (p: unknown) => Promise<unknown>)(task.payload);
    port.postMessage({ id: task.id, answer } satisfies TaskReply);
  } catch (e) {
    port.postMessage({ id: task.id, crash: (e as Error).stack ?? String(e) } satisfies TaskReply);
  }
});
