/**
 * `npm run bench`: speed and memory of speechdoc on real text, per stage and end to end.
 * Texts: the 39 real manuscripts of ../shared/corpus/ when that folder is there, else 39 generated
 * speeches of the same lengths whose characters follow real usage (bench/common-text.ts).
 * - per document: decode + parse, layout, PDF write, DOCX, in one warm process (pages per second);
 * - the batch as a user runs it, whole `speechdoc build` processes: PDF only with the default
 *   --jobs and with --jobs 1, PDF + DOCX with the default;
 * - `--peers`: the same texts typeset by Typst (bench/typst-peer.mjs) in the same rounds,
 *   alternated with speechdoc's runs, and the ratio;
 * - cold `speechdoc build input/seed-speech.txt`, a 100k- against a 5k-character speech, peak RSS.
 * `--rounds N` (default 3) alternated rounds of the batch; `--baseline DIR` also times another
 * checkout's `bin/speechdoc.js` (built) in the same rounds, PDF only, default --jobs (before/after);
 * `--only-batch` runs the batch rounds alone (the ratio, quickly). Prints the targets of issue 19 and writes
 * bench/results/latest.json. Numbers are medians; run it on an otherwise idle machine.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { generateCommonSpeech } from './common-text.ts';
import { parseSpeechFile } from '../src/parse/index.ts';
import { decodeText } from '../src/decode/decode-text.ts';
import { loadFontSet, createMeasurer } from '../src/fonts/index.ts';
import { layoutSpeech } from '../src/layout/index.ts';
import { renderPdf as drawPdf } from '../src/render/pdf/render-pdf.ts';
import { renderDocx } from '../src/render/docx/render-docx.ts';
import { styleSpeech } from '../src/style/style-speech.ts';
import { OFFICIAL } from '../src/style/preset.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const BIN = join(ROOT, 'bin/speechdoc.js');
const DATE = new Date(1_700_000_000_000);
const WORK = join(tmpdir(), `speechdoc-bench-${process.pid}`);
const args = process.argv.slice(2);
const peers = args.includes('--peers');
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 3;
const onlyBatch = args.includes('--only-batch');
const baseline = args.includes('--baseline') ? resolve(args[args.indexOf('--baseline') + 1]!) : undefined;

/** Character counts of the 39 corpus texts, for the generated stand-ins. */
const LENGTHS = [
  10_000, 1_200, 15_000, 45_000, 4_000, 20_000, 14_000, 12_000, 23_000, 15_000, 1_500, 30_000, 16_000, 19_000, 8_000, 17_000, 1_500,
  2_500, 3_500, 1_000, 11_000, 7_000, 2_500, 3_000, 2_500, 2_500, 5_500, 600, 1_200, 15_000, 11_000, 18_000, 6_500, 21_000, 10_000,
  11_000, 14_000, 27_000, 30_000,
];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One input of the batch: its file name and bytes as the user has them. */
interface Text {
  name: string;
  bytes: Uint8Array;
}

function texts(): { source: string; list: Text[] } {
  if (existsSync(CORPUS)) {
    const names = readdirSync(CORPUS).filter((n) => n.endsWith('.txt')).sort();
    return { source: `${names.length} texts of ../shared/corpus/`, list: names.map((name) => ({ name, bytes: readFileSync(join(CORPUS, name)) })) };
  }
  const list = LENGTHS.map((n, i) => ({ name: `generated-${String(i + 1).padStart(2, '0')}.txt`, bytes: new TextEncoder().encode(generateCommonSpeech(n, 500 + i)) }));
  return { source: `${list.length} generated speeches (../shared/corpus/ is not there; common-character distribution)`, list };
}

/** Stage times of one document in a warm process. */
interface StageRow {
  name: string;
  chars: number;
  pages: number;
  parseMs: number;
  layoutMs: number;
  pdfMs: number;
  docxMs: number;
}

type Fonts = Awaited<ReturnType<typeof loadFontSet>>['fontSet'];

async function stagesOf(t: Text, fontSet: Fonts, measurer: ReturnType<typeof createMeasurer>): Promise<StageRow> {
  const t0 = performance.now();
  const parsed = await parseSpeechFile(t.bytes, { file: t.name });
  const t1 = performance.now();
  const speech = parsed.value;
  if (!speech) throw new Error(`${t.name}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const laid = layoutSpeech(speech, OFFICIAL, measurer);
  const t2 = performance.now();
  await drawPdf(laid.value, fontSet, { date: DATE });
  const t3 = performance.now();
  await renderDocx(styleSpeech(speech, OFFICIAL, measurer).value, { fonts: fontSet, date: DATE });
  const t4 = performance.now();
  const decoded = decodeText(t.bytes, t.name).value;
  const chars = decoded ? [...decoded.text.replace(/\s/g, '')].length : 0;
  return { name: t.name, chars, pages: laid.value.pages.length, parseMs: t1 - t0, layoutMs: t2 - t1, pdfMs: t3 - t2, docxMs: t4 - t3 };
}

/** Every text through the stages, twice: the first pass warms the process up as a batch would. */
async function stages(list: Text[]): Promise<StageRow[]> {
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  const measurer = createMeasurer(fontSet);
  for (const t of list) await stagesOf(t, fontSet, measurer);
  const rows: StageRow[] = [];
  for (const t of list) rows.push(await stagesOf(t, fontSet, measurer));
  return rows;
}

/** A generated 5k and 100k speech through the stages (distinct texts, medians). */
async function scaling() {
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  const measurer = createMeasurer(fontSet);
  const out: Record<number, { pdfMs: number; docxMs: number; pages: number }> = {};
  for (const size of [5_000, 100_000]) {
    const runs = size > 10_000 ? 5 : 11;
    const pdf: number[] = [];
    const docx: number[] = [];
    let pages = 0;
    for (let i = -2; i < runs; i++) {
      const row = await stagesOf({ name: 'scale.txt', bytes: new TextEncoder().encode(generateCommonSpeech(size, size + i + 7)) }, fontSet, measurer);
      if (i < 0) continue;
      pdf.push(row.parseMs + row.layoutMs + row.pdfMs);
      docx.push(row.docxMs);
      pages = row.pages;
    }
    out[size] = { pdfMs: median(pdf), docxMs: median(docx), pages };
  }
  return out;
}

/** Wall time of one whole process, in ms; throws with its stderr when it fails. */
function timed(cmd: string, argv: string[], env: NodeJS.ProcessEnv = {}): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(cmd, argv, { env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${basename(cmd)} ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/** The faces Typst is given: Noto CJK from Debian's fonts-noto-cjk, installed when missing. */
function notoCjkDir(): string {
  const find = () => {
    try {
      return execFileSync('fc-list', [':lang=zh', 'file'], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.replace(/:.*$/, '').trim())
        .find((f) => /NotoSerifCJK/.test(f));
    } catch {
      return undefined;
    }
  };
  let file = find();
  if (!file) {
    console.log('installing fonts-noto-cjk (Typst needs CJK fonts) …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk'], { stdio: 'inherit', env });
    if (r.status !== 0) throw new Error('cannot install fonts-noto-cjk (apt-get failed; run the bench as root or install it)');
    file = find();
  }
  if (!file) throw new Error('Noto Serif CJK not found after installing fonts-noto-cjk');
  return resolve(file, '..');
}

/** The batch, whole processes, alternated round by round (Typst too with --peers). */
function batches(list: Text[]) {
  const input = join(WORK, 'input');
  const utf8 = join(WORK, 'utf8');
  mkdirSync(input, { recursive: true });
  mkdirSync(utf8, { recursive: true });
  for (const t of list) {
    writeFileSync(join(input, t.name), t.bytes);
    // Typst reads UTF-8 only: it gets the text our decoder reads, so both set the same characters.
    writeFileSync(join(utf8, t.name), decodeText(t.bytes, t.name).value!.text);
  }
  const out = join(WORK, 'output');
  const common = ['build', input, '-o', out, '--no-system-fonts', '--quiet'];
  const runs: Record<string, () => number> = {
    'pdf, default --jobs': () => timed(process.execPath, [BIN, ...common, '-f', 'pdf']).ms,
    'pdf, --jobs 1': () => timed(process.execPath, [BIN, ...common, '-f', 'pdf', '--jobs', '1']).ms,
    'pdf+docx, default --jobs': () => timed(process.execPath, [BIN, ...common]).ms,
  };
  if (baseline) runs['baseline pdf, default --jobs'] = () => timed(process.execPath, [join(baseline, 'bin/speechdoc.js'), ...common, '-f', 'pdf']).ms;
  let typstPages = 0;
  if (peers) {
    const fonts = notoCjkDir();
    runs.typst = () => {
      const r = timed(process.execPath, [join(ROOT, 'bench/typst-peer.mjs'), utf8, join(WORK, 'typst'), fonts]);
      typstPages = (JSON.parse(r.stdout) as { pages: number }).pages;
      return r.ms;
    };
  }
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  runs['pdf, default --jobs']!(); // warm the page cache and the disk
  for (let r = 0; r < rounds; r++) {
    for (const [what, run] of Object.entries(runs)) {
      rmSync(out, { recursive: true, force: true });
      times[what]!.push(run());
    }
  }
  return { times, typstPages };
}

/**
 * `speechdoc build input/seed-speech.txt` (PDF + DOCX) as a new process: median of 5 after one;
 * with --baseline, that checkout's CLI is timed run for run in between (the VM's speed drifts by a
 * third within minutes, so only alternated runs compare).
 */
function cold() {
  const dir = join(WORK, 'cold');
  const run = (bin: string) => {
    rmSync(dir, { recursive: true, force: true });
    return timed(process.execPath, [bin, 'build', join(ROOT, 'input/seed-speech.txt'), '-o', dir, '--no-system-fonts', '--quiet']).ms;
  };
  const times: number[] = [];
  const baseTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    times.push(run(BIN));
    if (baseline) baseTimes.push(run(join(baseline, 'bin/speechdoc.js')));
  }
  const help = [1, 2, 3].map(() => timed(process.execPath, [BIN, '--help']).ms);
  return { ms: median(times.slice(1)), firstMs: times[0]!, helpMs: median(help), ...(baseline ? { baselineMs: median(baseTimes.slice(1)) } : {}) };
}

/** Peak RSS of one lane: the CLI with --jobs 1 (a single thread) on the batch, and on 4 × 100k. */
function peakRss(list: Text[]): { batchMB: number; bigMB: number } {
  const measure = (dir: string) => {
    const cli = `process.argv = [process.argv[0], 'speechdoc', 'build', ${JSON.stringify(dir)}, '-o', ${JSON.stringify(join(WORK, 'rss-out'))}, '--no-system-fonts', '--jobs', '1', '--quiet'];
      const { launch } = await import(${JSON.stringify(join(ROOT, 'dist/launch.mjs'))});
      await launch(${JSON.stringify(join(ROOT, 'dist/cli.cjs'))});
      console.log(process.resourceUsage().maxRSS);`;
    const script = join(WORK, 'rss.mjs');
    writeFileSync(script, cli);
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout.trim().split('\n').pop()) / 1024;
  };
  const big = join(WORK, 'big');
  mkdirSync(big, { recursive: true });
  for (let i = 0; i < 4; i++) writeFileSync(join(big, `big${i}.txt`), generateCommonSpeech(100_000, 77 + i));
  return { batchMB: list.length ? measure(join(WORK, 'input')) : 0, bigMB: measure(big) };
}

// ---- run
const started = performance.now();
const built = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs'), '--js-only', '--quiet'], { encoding: 'utf8' });
if (built.status !== 0) throw new Error(built.stderr);
const { source, list } = texts();
console.log(`speechdoc bench: ${source}; ${availableParallelism()} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const f = (n: number, w = 8, d = 1) => n.toFixed(d).padStart(w);
const rows = onlyBatch ? [] : await stages(list);
if (rows.length) console.log('\nPer document in a warm process, ms');
if (rows.length) console.log(`${'text'.padEnd(44)}   chars  pages   parse  layout  pdf-write   docx`);
if (rows.length) for (const r of rows) console.log(`${r.name.slice(0, 44).padEnd(44)}${String(r.chars).padStart(8)}${String(r.pages).padStart(7)}${f(r.parseMs)}${f(r.layoutMs)}${f(r.pdfMs, 11)}${f(r.docxMs, 7)}`);
const sum = (k: keyof StageRow) => rows.reduce((n, r) => n + (r[k] as number), 0);
const pages = sum('pages');
const pdfTotal = sum('parseMs') + sum('layoutMs') + sum('pdfMs');
if (rows.length) console.log(`${'total'.padEnd(44)}${String(sum('chars')).padStart(8)}${String(pages).padStart(7)}${f(sum('parseMs'))}${f(sum('layoutMs'))}${f(sum('pdfMs'), 11)}${f(sum('docxMs'), 7)}`);
if (rows.length) console.log(`PDF ${f((pages / pdfTotal) * 1000, 0, 0)} pages/s (parse + layout + write); PDF + DOCX ${f((pages / (pdfTotal + sum('docxMs'))) * 1000, 0, 0)} pages/s`);

const batch = batches(list);
const m = Object.fromEntries(Object.entries(batch.times).map(([k, v]) => [k, median(v)])) as Record<string, number>;
console.log(`\nThe batch as whole processes (${list.length} files, ${rounds} alternated rounds, ms)`);
for (const [what, v] of Object.entries(batch.times)) console.log(`  ${what.padEnd(26)} ${v.map((x) => x.toFixed(0).padStart(6)).join(' ')}   median ${m[what]!.toFixed(0)}`);
const typst = m.typst;
if (typst !== undefined) {
  const ratios = batch.times['pdf, default --jobs']!.map((x, i) => x / batch.times.typst![i]!);
  console.log(`  speechdoc ÷ Typst, per round: ${ratios.map((r) => r.toFixed(2)).join(' ')}  (Typst: ${batch.typstPages} pages)`);
}

if (onlyBatch) {
  rmSync(WORK, { recursive: true, force: true });
  process.exit(0);
}
const scale = await scaling();
const coldRun = cold();
const rss = peakRss(list);
rmSync(WORK, { recursive: true, force: true });

const pdfJobs = m['pdf, default --jobs']!;
const targets: [string, string, string, boolean | undefined][] = [
  ['batch, PDF, default --jobs ÷ Typst', typst ? `${(pdfJobs / typst).toFixed(2)} ×` : 'no --peers', '≤ 0.77 ×', typst ? pdfJobs <= 0.77 * typst : undefined],
  ['batch, PDF + DOCX ÷ Typst PDF', typst ? `${(m['pdf+docx, default --jobs']! / typst).toFixed(2)} ×` : 'no --peers', '≤ 1.0 ×', typst ? m['pdf+docx, default --jobs']! <= typst : undefined],
  ['default --jobs against --jobs 1 (speed-up)', `${(m['pdf, --jobs 1']! / pdfJobs).toFixed(2)} ×`, '≥ 1.6 ×', m['pdf, --jobs 1']! / pdfJobs >= 1.6],
  ['cold build of the sample, PDF + DOCX', `${coldRun.ms.toFixed(0)} ms`, '≤ 500 ms', coldRun.ms <= 500],
  ['peak RSS of one lane (batch; 4 × 100k)', `${rss.batchMB.toFixed(0)}; ${rss.bigMB.toFixed(0)} MB`, '≤ 300 MB', Math.max(rss.batchMB, rss.bigMB) <= 300],
  ['100k PDF ÷ 5k PDF', `${(scale[100_000]!.pdfMs / scale[5_000]!.pdfMs).toFixed(1)} ×`, '≤ 25 ×', scale[100_000]!.pdfMs <= 25 * scale[5_000]!.pdfMs],
];
console.log('\nTargets (issue 19)');
for (const [what, got, want, ok] of targets) console.log(`  ${ok === undefined ? '  - ' : ok ? 'met ' : 'MISS'}  ${what.padEnd(44)} ${got.padStart(14)}  (${want})`);
console.log(
  `\n5k: PDF ${scale[5_000]!.pdfMs.toFixed(1)} ms, DOCX ${scale[5_000]!.docxMs.toFixed(1)} ms; 100k: PDF ${scale[100_000]!.pdfMs.toFixed(0)} ms, DOCX ${scale[100_000]!.docxMs.toFixed(0)} ms (${scale[100_000]!.pages} pages)`,
);
console.log(`cold: first ${coldRun.firstMs.toFixed(0)} ms, ${coldRun.baselineMs !== undefined ? `baseline ${coldRun.baselineMs.toFixed(0)} ms (same rounds), ` : ''}\`speechdoc --help\` ${coldRun.helpMs.toFixed(0)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench/results/latest.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: availableParallelism(), source, rows, scale, batch, cold: coldRun, rss, targets: targets.map(([what, got, want, ok]) => ({ what, got, want, ok })) }, null, 2)}\n`,
);
