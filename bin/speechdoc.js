#!/usr/bin/env node
// The speechdoc command: runs the compiled CLI in dist/. An installed package ships dist/; in a clone
// `npm install` / `npm ci` builds it (the `prepare` script, scripts/bundle.mjs), and `npm run build`
// rebuilds it after the sources changed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// TurboFan inlines less for this process. A batch's hot code (normalizers, the line breaker, the
// PDF writer) is big, and the optimizing compiler, which runs on a second core, spent ~1 s of CPU
// per corpus batch recompiling large inlined graphs after deopts: on 2 cores it then competes with
// the build's helper threads. At a 150-byte cumulative budget (V8's default is 920), the 39-text
// batch took 2.35 s instead of 2.65 s (CPU 3.4 instead of 4.2 s; medians of 7 alternated runs), a
// 100k-character speech and a cold build no slower.
// It also tiers up later: twice V8's interrupt budget (67,584 bytes of bytecode run before a
// function is considered for TurboFan), so code that runs only a few documents' worth stays in
// the baseline tiers instead of taking the compiler's core. 21 alternated corpus batches: CPU 3.18
// → 3.03 s, wall 2.07 → 2.03 s; with --jobs 2, 4.12 → 3.75 s of CPU; PDF + DOCX, the sample's cold
// build and a 100k speech no slower (200,000 and 270,336 measured no better than 135,168).
// Set before any of our code is compiled, and only on V8 versions known to have the flags (an
// unknown one would print an error line).
if (Number(process.versions.v8.split('.')[0]) <= 13) setFlagsFromString('--max-inlined-bytecode-size-cumulative=150 --interrupt-budget=135168');

// The CLI is one CommonJS file that launch.mjs compiles with V8's code cache (src/cli/launch.ts).
const launcher = new URL('../dist/launch.mjs', import.meta.url);
const cli = fileURLToPath(new URL('../dist/cli.cjs', import.meta.url));
if (!existsSync(launcher) || !existsSync(cli)) {
  process.stderr.write(
    'speechdoc：找不到编译后的程序 dist/cli.cjs。\n' +
      '在源码目录中请先运行 npm install（或 npm run build）；已安装的软件包缺少它时请重新安装。\n',
  );
  process.exit(2);
}
const { launch } = await import(launcher.href);
await launch(cli);
// Every command has finished its work here (outputs and caches written synchronously or awaited).
// Exiting explicitly skips freeing the heap page by page — the font bytes alone are ~60 MB — which
// an ending process need not do: 30–120 ms of every build, measured from the summary line to the
// exit. Output to a pipe is asynchronous on POSIX, so the exit waits until what was written to
// stdout and stderr is flushed (an empty write's callback runs after the writes before it).
const flushed = (stream) => new Promise((done) => stream.write('', () => done()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit();
