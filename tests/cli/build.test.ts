/** `speechdoc build` driven as a user drives it: spawned processes in temporary folders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { runCli, startCli, workdirWith, SAMPLE } from '../helpers/run-cli.ts';
import { shortSpeech, PNG_BYTES } from './fixtures.ts';

const noSystemFonts = ['--no-system-fonts'];

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

test('a mixed folder with a bad file: the rest is rendered, the bad file is named, exit 1', () => {
  const dir = workdirWith({
    'input/a.txt': shortSpeech('在甲会议上的讲话'),
    'input/sub/b.md': `# 在乙会议上的讲话\n\n同志们：\n\n## 一、总体要求\n\n**一是抓好落实。**要把工作做细做实。\n`,
    'input/broken.txt': PNG_BYTES,
  });
  const r = runCli(['build', ...noSystemFonts], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /broken\.txt/);
  const out = listFiles(join(dir, 'output'));
  assert.deepEqual(out, ['a.docx', 'a.pdf', 'index.html', 'sub/b.docx', 'sub/b.pdf']);
  assert.match(r.stderr, /共 3 个文件：.*1 个失败/);
});

test('two inputs that would write the same output are reported, not overwritten', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话'), 'input/a.md': '# 在乙会议上的讲话\n\n正文。\n' });
  const r = runCli(['build', ...noSystemFonts, '--format', 'pdf'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /a\.md.*a\.txt|a\.txt.*a\.md/);
  assert.equal(existsSync(join(dir, 'output', 'a.pdf')), false);
});

test('--report writes outputs, pages, diagnostics and timings per file', () => {
  const dir = workdirWith({ 'input/s.txt': readFileSync(SAMPLE) });
  const r = runCli(['build', ...noSystemFonts, '--report', 'report.json'], dir);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  assert.equal(report.files.length, 1);
  const f = report.files[0];
  assert.deepEqual(f.outputs.sort(), ['output/s.docx', 'output/s.pdf']);
  assert.ok(f.pages >= 3, `pages ${f.pages}`);
  assert.equal(f.status, 'warnings'); // six XX placeholders are left in the sample
  assert.equal(f.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'placeholder/unfilled').length, 6);
  assert.ok(f.timings.total > 0);
});

test('--jobs 1 and --jobs 2 give byte-identical files', () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 4; i++) files[`input/s${i}.txt`] = shortSpeech(`在第${i}次会议上的讲话`, i + 1);
  const dir = workdirWith(files);
  const one = runCli(['build', ...noSystemFonts, '--jobs', '1', '-o', 'out1'], dir);
  const two = runCli(['build', ...noSystemFonts, '--jobs', '2', '-o', 'out2'], dir);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(two.code, 0, two.stderr);
  const names = listFiles(join(dir, 'out1'));
  // 4 PDFs, 4 DOCX and index.html, all byte-identical.
  assert.equal(names.length, 9);
  assert.deepEqual(listFiles(join(dir, 'out2')), names);
  for (const n of names) assert.ok(readFileSync(join(dir, 'out1', n)).equals(readFileSync(join(dir, 'out2', n))), `${n} differs`);
});

test('a config file is found upward and its options apply; flags override it', () => {
  const dir = workdirWith({
    'speechdoc.config.json': JSON.stringify({ format: ['pdf'], out: 'handouts', systemFonts: false }),
    'project/input/a.txt': shortSpeech('在甲会议上的讲话'),
  });
  const cwd = join(dir, 'project');
  const r = runCli(['build', 'input'], cwd);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listFiles(join(dir, 'handouts')), ['a.pdf', 'index.html']);
  const r2 = runCli(['build', 'input', '--format', 'docx'], cwd);
  assert.equal(r2.code, 0, r2.stderr);
  assert.deepEqual(listFiles(join(dir, 'handouts')), ['a.docx', 'a.pdf', 'index.html']);
});

test('an invalid config is a usage error naming the file and the field', () => {
  const dir = workdirWith({ 'speechdoc.config.yaml': 'preset: glossy\njobs: -1\n', 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  const r = runCli(['build'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /配置文件 \S*speechdoc\.config\.yaml 中的 preset：/);
  assert.match(r.stderr, /jobs/);
  assert.equal(existsSync(join(dir, 'output')), false);
});

test('bad flags are usage errors with exit 2', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  assert.equal(runCli(['build', '--format', 'rtf'], dir).code, 2);
  assert.equal(runCli(['build', '--font', 'bogus=X'], dir).code, 2);
  assert.equal(runCli(['build', 'missing.txt'], dir).code, 2);
  assert.equal(runCli(['frobnicate'], dir).code, 2);
});

test('SIGINT in the middle of a batch leaves only complete files', async () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 12; i++) files[`input/s${String(i).padStart(2, '0')}.txt`] = shortSpeech(`在第${i}次会议上的讲话`, 30);
  const dir = workdirWith(files);
  const child = startCli(['build', ...noSystemFonts, '--jobs', '1'], dir);
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  // Interrupt once the first file is done, so the batch is surely in the middle.
  await new Promise<void>((resolveWait, reject) => {
    const timer = setTimeout(() => reject(new Error(`no file finished: ${stderr}`)), 120_000);
    child.stderr.on('data', () => {
      if (/s01\.txt/.test(stderr)) {
        clearTimeout(timer);
        resolveWait();
      }
    });
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 130, stderr);
  const out = listFiles(join(dir, 'output'));
  assert.ok(out.length < 24, 'the batch was interrupted before the end');
  assert.equal(out.filter((n) => n.includes('.speechdoc-tmp-')).length, 0, `temporaries left: ${out}`);
  for (const n of out.filter((f) => f.endsWith('.pdf'))) execFileSync('qpdf', ['--check', join(dir, 'output', n)]);
  for (const n of out.filter((f) => f.endsWith('.docx'))) {
    const bytes = readFileSync(join(dir, 'output', n));
    assert.equal(bytes.readUInt32LE(bytes.length - 22), 0x06054b50, `${n} lacks its zip end record`);
  }
});

test('init then build in a temporary folder', () => {
  const dir = workdirWith({});
  const init = runCli(['init', 'work'], dir);
  assert.equal(init.code, 0, init.stderr);
  const work = join(dir, 'work');
  assert.ok(existsSync(join(work, 'speechdoc.config.yaml')));
  assert.ok(existsSync(join(work, 'fonts', 'README.md')));
  writeFileSync(join(work, 'speechdoc.config.yaml'), readFileSync(join(work, 'speechdoc.config.yaml'), 'utf8').replace('systemFonts: true', 'systemFonts: false'));
  const r = runCli(['build'], work);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listFiles(join(work, 'output')), ['index.html', 'sample-speech.docx', 'sample-speech.pdf']);
  assert.equal(runCli(['init', 'work'], dir).code, 2, 'init refuses to overwrite');
});

test('--pdfa fails a file with a character no font has (PDF/A forbids the empty box), naming it', () => {
  const dir = workdirWith({ 'input/a.txt': '在会议上的讲话\n同志们：\n𠀀是生僻字。\n' });
  const plain = runCli(['build', ...noSystemFonts, '--format', 'pdf', '-o', 'plain'], dir);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stderr, /a\.txt:3:1 警告 fonts\/missing-glyph .*U\+20000/);
  const r = runCli(['build', ...noSystemFonts, '--format', 'pdf', '--pdfa'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /a\.txt:3:1 错误 fonts\/missing-glyph .*U\+20000/);
  assert.equal(existsSync(join(dir, 'output', 'a.pdf')), false);
});

test('a user\'s own index.html and PDF in the output folder are kept: said, never overwritten; speechdoc\'s own are replaced', () => {
  const page = '<!doctype html><html><body>我自己的首页</body></html>\n';
  const pdf = '%PDF-1.4\n1 0 obj << /Producer (Microsoft Word) >> endobj\n%%EOF\n';
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话'), 'input/b.txt': shortSpeech('在乙会议上的讲话'), 'output/index.html': page, 'output/b.pdf': pdf });
  const r = runCli(['build', ...noSystemFonts], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /output\/index\.html 不是 speechdoc 生成的，没有覆盖它/);
  assert.match(r.stderr, /b\.txt.*输出会覆盖 output\/b\.pdf，它不是 speechdoc 生成的/);
  assert.equal(readFileSync(join(dir, 'output/index.html'), 'utf8'), page);
  assert.equal(readFileSync(join(dir, 'output/b.pdf'), 'utf8'), pdf);
  assert.ok(existsSync(join(dir, 'output/a.pdf')), 'the other file is built');
  // Without the user's files in the way, a rebuild replaces speechdoc's own outputs and index page.
  rmSync(join(dir, 'output/index.html'));
  rmSync(join(dir, 'output/b.pdf'));
  assert.equal(runCli(['build', ...noSystemFonts], dir).code, 0);
  const again = runCli(['build', ...noSystemFonts], dir);
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stderr, /不是 speechdoc 生成的/);
  assert.match(readFileSync(join(dir, 'output/index.html'), 'utf8'), /<meta name="generator" content="speechdoc">/);
  // A page written by an earlier speechdoc (no generator tag yet, only its title) is still ours.
  const old = readFileSync(join(dir, 'output/index.html'), 'utf8').replace('<meta name="generator" content="speechdoc">\n', '');
  writeFileSync(join(dir, 'output/index.html'), old);
  const upgraded = runCli(['build', ...noSystemFonts], dir);
  assert.doesNotMatch(upgraded.stderr, /不是 speechdoc 生成的/);
  assert.match(readFileSync(join(dir, 'output/index.html'), 'utf8'), /<meta name="generator" content="speechdoc">/);
});

test('a WOFF2 face given with --font is used: fontkit unpacks it, the PDF embeds it and its text extracts', () => {
  const woff2 = join(dirname(createRequire(import.meta.url).resolve('@fontsource/tinos/package.json')), 'files', 'tinos-latin-700-normal.woff2');
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话') + '\n2026年完成GDP目标。\n' });
  const r = runCli(['build', ...noSystemFonts, '--format', 'pdf', '--font', `latin=${woff2}`], dir);
  assert.equal(r.code, 0, r.stderr);
  const fonts = execFileSync('pdffonts', [join(dir, 'output', 'a.pdf')], { encoding: 'utf8' });
  assert.match(fonts, /Tinos-Bold/);
  const text = execFileSync('pdftotext', [join(dir, 'output', 'a.pdf'), '-'], { encoding: 'utf8' });
  assert.match(text, /2026年完成GDP目标/);
});
