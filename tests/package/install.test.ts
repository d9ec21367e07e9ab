/**
 * The package installs and runs outside the clone, exactly as a user gets it: `npm pack` of a copy
 * of the sources (its `prepare` builds dist/), the tarball installed into an empty folder, then
 * `npx speechdoc init`, `npx speechdoc build`, `import { renderPdf } from 'speechdoc'` from plain
 * Node, and a TypeScript consumer checked against the shipped declarations.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT, tempDir } from '../helpers/run-cli.ts';

const work = tempDir('speechdoc-package-');
const source = join(work, 'source');
const app = join(work, 'app');
let tarball = '';

/** Environment of the nested npm: not the one `npm test` passes down (its prefix, its script flags). */
function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) e[k] = v;
  return e;
}

function run(cmd: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...env(), ...extra }, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', all: `${r.stdout}\n${r.stderr}` };
}

const SKIP = new Set(['node_modules', 'dist', '.git', 'output', 'bench/results', 'tests']);

before(() => {
  // A copy, so packing (which rebuilds dist/) never touches the dist/ other tests are running.
  cpSync(ROOT, source, {
    recursive: true,
    filter: (from) => {
      const rel = relative(ROOT, from).split(sep).join('/');
      return !SKIP.has(rel) && !rel.startsWith('dist.');
    },
  });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const packed = run('npm', ['pack', '--json', '--pack-destination', work], source);
  assert.equal(packed.code, 0, packed.all);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  const files = info[0]!.files.map((f) => f.path);
  // With the threads' entries, which the code starts by their URL beside it (no import names them).
  const shipped = ['dist/cli.cjs', 'dist/launch.mjs', 'dist/index.mjs', 'dist/types/index.d.ts', 'dist/worker-boot.mjs', 'dist/serve-worker.mjs', 'dist/parse-ahead-boot.mjs'];
  assert.ok(shipped.every((f) => files.includes(f)), files.join('\n'));
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('tests/')), 'sources are not shipped');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
  const installed = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], app);
  assert.equal(installed.code, 0, installed.all);
});

after(() => rmSync(work, { recursive: true, force: true }));

test('tsx and the TypeScript sources are not what the installed package runs', () => {
  const pkg = JSON.parse(readFileSync(join(app, 'node_modules/speechdoc/package.json'), 'utf8')) as { dependencies: Record<string, string> };
  assert.ok(!('tsx' in pkg.dependencies), 'tsx is a devDependency');
  assert.ok(!existsSync(join(app, 'node_modules/tsx')), 'tsx was installed with the package');
  assert.ok(!existsSync(join(app, 'node_modules/speechdoc/src')), 'sources were installed');
});

test('npx speechdoc init, then npx speechdoc build, in a folder outside the clone', () => {
  const init = run('npx', ['speechdoc', 'init', 'work'], app);
  assert.equal(init.code, 0, init.all);
  for (const f of ['speechdoc.config.yaml', 'input/sample-speech.txt', 'fonts/README.md']) assert.ok(existsSync(join(app, 'work', f)), f);
  assert.match(init.stderr, /npx speechdoc build/);
  // A GBK file beside the sample: the legacy decoders are required from the installed package on
  // first use, and with several files the build deflates on its helper thread. With four, the
  // files after the first are parsed on the installed parse-ahead thread (pipeline/parse-ahead.ts).
  writeFileSync(join(app, 'work/input/notice.txt'), iconv.encode('关于做好年底安全生产工作的通知\n各乡镇人民政府：\n现将有关事项通知如下。\n', 'gbk'));
  writeFileSync(join(app, 'work/input/reply.txt'), '关于同意开展专项检查的批复\n县应急管理局：\n你局报来的请示收悉，同意开展专项检查。\n');
  writeFileSync(join(app, 'work/input/report.md'), '# 关于上半年工作情况的报告\n\n县委：\n\n上半年各项工作进展顺利。\n');
  // Its own cache folder: the installed CLI makes its code cache there (src/cli/launch.ts), though
  // npm gave every file of the package the same mtime.
  const cache = join(work, 'cache');
  const build = run('npx', ['speechdoc', 'build', '--no-system-fonts'], join(app, 'work'), { SPEECHDOC_CACHE_DIR: cache });
  assert.equal(build.code, 0, build.all);
  assert.deepEqual(readdirSync(join(cache, 'code')).filter((f) => /^cli-[0-9a-f]{16}-build\.bin$/.test(f)).length, 1, readdirSync(join(cache, 'code')).join());
  assert.deepEqual(readdirSync(join(app, 'work', 'output')).sort(), ['index.html', 'notice.docx', 'notice.pdf', 'reply.docx', 'reply.pdf', 'report.docx', 'report.pdf', 'sample-speech.docx', 'sample-speech.pdf']);
  for (const [file, text] of [['notice', /关于做好年底安全生产工作的通知各乡镇人民政府/], ['reply', /关于同意开展专项检查的批复县应急管理局/], ['report', /关于上半年工作情况的报告县委/]] as const) {
    assert.match(execFileSync('pdftotext', [join(app, `work/output/${file}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ''), text, file);
  }
  const text = execFileSync('pdftotext', ['-layout', join(app, 'work/output/sample-speech.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  // The sample's first heading, as set in the handout.
  assert.match(text, /一、认真总结经验/);
  const docx = readFileSync(join(app, 'work/output/sample-speech.docx'));
  assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
});

test("import { renderPdf } from 'speechdoc' in plain Node", () => {
  writeFileSync(
    join(app, 'lib.mjs'),
    `import { parseSpeech, renderPdf, renderDocx } from 'speechdoc';
import { writeFileSync } from 'node:fs';
const { value: speech } = parseSpeech('在全县工作会议上的讲话\\n同志们：\\n一、提高认识\\n一是抓好落实。\\n', { file: 'speech.txt' });
const pdf = await renderPdf(speech, { preset: 'official' });
writeFileSync('speech.pdf', pdf.bytes);
const docx = await renderDocx(speech);
writeFileSync('speech.docx', docx.bytes);
console.log(pdf.pages);
`,
  );
  const r = run(process.execPath, ['lib.mjs'], app);
  assert.equal(r.code, 0, r.all);
  assert.equal(r.stdout.trim(), '1');
  const text = execFileSync('pdftotext', [join(app, 'speech.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.match(text, /在全县工作会议上的讲话/);
  assert.match(text, /一是抓好落实。/);
});

test('the shipped declarations type a TypeScript consumer', () => {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, types: [] }, files: ['use.ts'] }),
  );
  const good = `import { parseSpeech, renderPdf, type Speech } from 'speechdoc';
const { value: speech } = parseSpeech('标题\\n正文。\\n', { file: 'x.txt' });
const s: Speech = speech!;
const pages: number = (await renderPdf(s, { preset: 'official' })).pages;
export { pages };
`;
  writeFileSync(join(app, 'use.ts'), good);
  const ok = run(process.execPath, [tsc, '-p', '.'], app);
  assert.equal(ok.code, 0, ok.all);
  // Real types, not `any`: a wrong use is an error.
  writeFileSync(join(app, 'use.ts'), good.replace('const pages: number', 'const pages: string'));
  const bad = run(process.execPath, [tsc, '-p', '.'], app);
  assert.notEqual(bad.code, 0);
  assert.match(bad.all, /TS2322/);
});
