/**
 * `npm run bench`: speed, memory and size of speechdoc, per stage and end to end.
 * Prints a table with the targets of the benchmarks issue and writes bench/results/latest.json.
 * Run on an otherwise idle machine; numbers are medians.
 */
import { mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { generateSpeech } from './generate-speech.ts';
import { parseSpeechFile } from '../src/parse/index.ts';
import { loadFontSet, createMeasurer } from '../src/fonts/index.ts';
import { layoutSpeech } from '../src/layout/index.ts';
import { renderPdf as drawPdf } from '../src/render/pdf/render-pdf.ts';
import { renderDocx } from '../src/render/docx/render-docx.ts';
import { styleSpeech } from '../src/style/style-speech.ts';
import { OFFICIAL } from '../src/style/preset.ts';
import { build } from '../src/pipeline/build.ts';
import { defineBuildOptions } from '../src/pipeline/define-options.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [1_000, 5_000, 20_000, 100_000];
const DATE = new Date(1_700_000_000_000);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

async function stages() {
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  const measurer = createMeasurer(fontSet);
  const rows = [];
  for (const size of SIZES) {
    const runs = size >= 100_000 ? 5 : size >= 20_000 ? 9 : 15;
    const t = { parse: [] as number[], layout: [] as number[], pdf: [] as number[], docx: [] as number[] };
    let pages = 0;
    let pdfBytes = 0;
    let docxBytes = 0;
    // A distinct text for every run (warm-up included), so no cache sees the same document twice.
    for (let i = -2; i < runs; i++) {
      const bytes = new TextEncoder().encode(generateSpeech(size, size + i + 10));
      const [tp, parsed] = await time(() => parseSpeechFile(bytes, { file: 'bench.txt' }));
      const speech = parsed.speech!;
      const [tl, laid] = await time(() => layoutSpeech(speech, OFFICIAL, measurer));
      const [tw, pdf] = await time(() => drawPdf(laid.value, fontSet, { date: DATE }));
      const [td, docx] = await time(() => renderDocx(styleSpeech(speech, OFFICIAL, measurer).value, { fonts: fontSet, date: DATE }));
      if (i < 0) continue;
      t.parse.push(tp);
      t.layout.push(tl);
      t.pdf.push(tw);
      t.docx.push(td);
      pages = laid.value.pages.length;
      pdfBytes = pdf.length;
      docxBytes = docx.bytes.length;
    }
    rows.push({
      chars: size,
      pages,
      parseMs: median(t.parse),
      layoutMs: median(t.layout),
      pdfWriteMs: median(t.pdf),
      pdfTotalMs: median(t.parse) + median(t.layout) + median(t.pdf),
      docxMs: median(t.docx),
      pdfKB: pdfBytes / 1024,
      docxKB: docxBytes / 1024,
    });
  }
  return rows;
}

async function batch(jobs: number) {
  const dir = join(tmpdir(), `speechdoc-bench-${jobs}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'input'), { recursive: true });
  const n = 24;
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'input', `s${i}.txt`), generateSpeech(5_000, 1000 + i));
  const options = defineBuildOptions({ jobs, systemFonts: false, inputs: [join(dir, 'input')], out: join(dir, 'output') }, dir);
  const [ms, summary] = await time(() => build(options, { cwd: dir }));
  const failed = summary.files.filter((f) => f.status === 'failed').length;
  rmSync(dir, { recursive: true, force: true });
  return { jobs, files: n, failed, ms, docsPerSecond: (n / ms) * 1000 };
}

/**
 * `speechdoc build input/seed-speech.txt` in a new process, as a user runs it: through the prebuilt
 * bundle in dist/ (made by `npm install`; rebuilt here so it matches the sources), or through tsx
 * (SPEECHDOC_NO_BUNDLE=1: a checkout whose sources changed since the install).
 */
function cold(mode: 'bundle' | 'tsx') {
  const dir = join(tmpdir(), 'speechdoc-bench-cold');
  const times: number[] = [];
  let sizes = { pdfKB: 0, docxKB: 0 };
  const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
  if (mode === 'tsx') env.SPEECHDOC_NO_BUNDLE = '1';
  else delete env.SPEECHDOC_NO_BUNDLE;
  for (let i = 0; i < 5; i++) {
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/speechdoc.js'), 'build', join(ROOT, 'input/seed-speech.txt'), '-o', dir, '--no-system-fonts', '--jobs', '1', '--quiet'], {
      env,
      encoding: 'utf8',
    });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`cold build failed: ${r.stderr}`);
    sizes = {
      pdfKB: readFileSync(join(dir, 'seed-speech.pdf')).length / 1024,
      docxKB: readFileSync(join(dir, 'seed-speech.docx')).length / 1024,
    };
  }
  return { mode, ms: median(times.slice(1)), firstMs: times[0]!, ...sizes };
}

/** `speechdoc --help` in a new process: start-up alone (median of 5). */
function coldHelp(): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [join(ROOT, 'bin/speechdoc.js'), '--help'], { encoding: 'utf8' });
    times.push(performance.now() - t);
  }
  return median(times);
}

/**
 * Peak RSS of one worker: the CLI (the dist/ bundle, as installed) building 4 × 100k-character
 * speeches with --jobs 1, i.e. in its own thread as a pool worker would, in a separate process so
 * the number is its footprint, not the bench's. Also the same through tsx (the library path).
 */
function peakRss(): { bundleMB: number; tsxMB: number } {
  const dir = join(tmpdir(), 'speechdoc-bench-rss');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'input'), { recursive: true });
  for (let i = 0; i < 4; i++) writeFileSync(join(dir, 'input', `big${i}.txt`), generateSpeech(100_000, 77 + i));
  const argv = ['build', join(dir, 'input'), '-o', join(dir, 'output'), '--no-system-fonts', '--jobs', '1', '--quiet'];
  const cli = `
    process.argv = [process.argv[0], 'speechdoc', ...${JSON.stringify(argv)}];
    const { main } = await import(${JSON.stringify(join(ROOT, 'dist/main.mjs'))});
    await main();
    console.log(process.resourceUsage().maxRSS);`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', cli], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const bundleMB = Number(r.stdout.trim().split('\n').pop()) / 1024;
  const script = `
    import { generateSpeech } from ${JSON.stringify(join(ROOT, 'bench/generate-speech.ts'))};
    import { parseSpeech } from ${JSON.stringify(join(ROOT, 'src/parse/index.ts'))};
    import { renderPdf, renderDocx } from ${JSON.stringify(join(ROOT, 'src/pipeline/render.ts'))};
    import { loadFontSet } from ${JSON.stringify(join(ROOT, 'src/fonts/index.ts'))};
    const { fontSet } = await loadFontSet({ useSystemFonts: false });
    for (let i = 0; i < 4; i++) {
      const { speech } = parseSpeech(generateSpeech(100000, 77 + i), { file: 'x.txt' });
      await renderPdf(speech, { fonts: fontSet });
      await renderDocx(speech, { fonts: fontSet });
    }
    console.log(process.resourceUsage().maxRSS);`;
  const t = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (t.status !== 0) throw new Error(t.stderr);
  rmSync(dir, { recursive: true, force: true });
  return { bundleMB, tsxMB: Number(t.stdout.trim()) / 1024 };
}

const fmt = (n: number, d = 1) => n.toFixed(d).padStart(8);
const started = performance.now();
const stageRows = await stages();
const batches = [await batch(1), await batch(2)];
const bundled = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--quiet'], { encoding: 'utf8' });
if (bundled.stderr.trim()) console.warn(bundled.stderr.trim());
const coldRun = cold('bundle');
const coldTsx = cold('tsx');
const helpMs = coldHelp();
const rss = peakRss();
const rssMB = rss.bundleMB;
const five = stageRows.find((r) => r.chars === 5_000)!;
const hundred = stageRows.find((r) => r.chars === 100_000)!;

console.log('\nPer document, median ms (distinct generated speeches)');
console.log('   chars   pages   parse  layout  pdf-write  pdf-total   docx    pdf KB  docx KB');
for (const r of stageRows) {
  console.log(`${String(r.chars).padStart(8)}${String(r.pages).padStart(8)}${fmt(r.parseMs)}${fmt(r.layoutMs)}${fmt(r.pdfWriteMs, 1).padStart(11)}${fmt(r.pdfTotalMs).padStart(11)}${fmt(r.docxMs)}${fmt(r.pdfKB, 0).padStart(10)}${fmt(r.docxKB, 0).padStart(9)}`);
}
console.log('\nBatch of 24 × 5k-character speeches (PDF + DOCX)');
for (const b of batches) console.log(`  --jobs ${b.jobs}: ${b.ms.toFixed(0)} ms, ${b.docsPerSecond.toFixed(1)} docs/s, ${b.failed} failed`);

const targets = [
  ['5k PDF steady state (parse+layout+write)', `${five.pdfTotalMs.toFixed(1)} ms`, '≤ 25 ms', five.pdfTotalMs <= 25],
  ['5k DOCX steady state', `${five.docxMs.toFixed(1)} ms`, '≤ 15 ms', five.docxMs <= 15],
  ['cold build of the sample, PDF+DOCX (bundle)', `${coldRun.ms.toFixed(0)} ms`, '≤ 600 ms', coldRun.ms <= 600],
  ['100k PDF vs 5k PDF', `${(hundred.pdfTotalMs / five.pdfTotalMs).toFixed(1)} ×`, '≤ 25 ×', hundred.pdfTotalMs <= 25 * five.pdfTotalMs],
  ['100k DOCX vs 5k DOCX', `${(hundred.docxMs / five.docxMs).toFixed(1)} ×`, '≤ 25 ×', hundred.docxMs <= 25 * five.docxMs],
  ['peak RSS of one worker (build 4 × 100k docs)', `${rssMB.toFixed(0)} MB`, '≤ 300 MB', rssMB <= 300],
  ['PDF of the sample', `${coldRun.pdfKB.toFixed(0)} KB`, '≤ 250 KB', coldRun.pdfKB <= 250],
  ['DOCX of the sample (embedded subsets)', `${coldRun.docxKB.toFixed(0)} KB`, '≤ 1536 KB', coldRun.docxKB <= 1536],
] as const;
console.log('\nTargets');
for (const [what, got, want, ok] of targets) console.log(`  ${ok ? 'met ' : 'MISS'}  ${what.padEnd(42)} ${got.padStart(10)}  (${want})`);
console.log(`\nPeak RSS of the same work through tsx (library API): ${rss.tsxMB.toFixed(0)} MB`);
console.log(`Cold start: build through tsx (no bundle) ${coldTsx.ms.toFixed(0)} ms; \`speechdoc --help\` ${helpMs.toFixed(0)} ms`);
console.log(`(first cold runs: bundle ${coldRun.firstMs.toFixed(0)} ms, tsx ${coldTsx.firstMs.toFixed(0)} ms; ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results/latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: availableParallelism(), loadAverage: loadavg(), stages: stageRows, batches, cold: coldRun, coldTsx, helpMs, peakRssMB: rssMB, peakRssTsxMB: rss.tsxMB, targets: targets.map(([what, got, want, ok]) => ({ what, got, want, ok })) }, null, 2)}\n`,
);
