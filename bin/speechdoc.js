#!/usr/bin/env node
// The speechdoc command: runs the compiled CLI in dist/. An installed package ships dist/; in a clone
// `npm install` / `npm ci` builds it (the `prepare` script, scripts/bundle.mjs), and `npm run build`
// rebuilds it after the sources changed.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'speechdoc：找不到编译后的程序 dist/main.mjs。\n' +
      '在源码目录中请先运行 npm install（或 npm run build）；已安装的软件包缺少它时请重新安装。\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
// Every command has finished its work here (outputs and caches written synchronously or awaited).
// Exiting explicitly skips freeing the heap page by page — the font bytes alone are ~60 MB — which
// an ending process need not do: 30–120 ms of every build, measured from the summary line to the
// exit. Output to a pipe is asynchronous on POSIX, so the exit waits until what was written to
// stdout and stderr is flushed (an empty write's callback runs after the writes before it).
const flushed = (stream) => new Promise((done) => stream.write('', () => done()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
