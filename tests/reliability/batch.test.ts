/**
 * Batch-level hostile cases (issue 14), through the real CLI: each asserts the outcome the user
 * sees (exit code, the finding's words), a time bound (a guard against hangs), what is on disk
 * afterwards, and, where memory is the point, the bound that stopped it. Big inputs are generated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runCli, startCli, testEnv, workdirWith, tempDir } from '../helpers/run-cli.ts';
import { shortSpeech } from '../cli/fixtures.ts';

const FONTS = ['--no-system-fonts'];
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx of about `mb` MB of XML: parsing it takes seconds and hundreds of MB of heap. */
function heavyDocx(mb: number): Uint8Array {
  const para = '<w:p><w:r><w:t>要把工作做细做实要把工作做细做实</w:t></w:r></w:p>';
  const xml = `<?xml version="1.0"?><w:document ${W}><w:body>${para.repeat(Math.floor((mb * 1024 * 1024) / para.length))}</w:body></w:document>`;
  return zipSync({ 'word/document.xml': strToU8(xml) }, { level: 9 });
}

/** Every file below `dir`, relative, including hidden ones (not the batch's index.html page). */
function listAll(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n !== 'index.html').sort() : [];
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

test('a file over the time bound fails alone, with the limit named; the rest of the batch is built and the summary printed', () => {
  const dir = workdirWith({ 'input/slow.docx': heavyDocx(12), 'input/ok.txt': shortSpeech('在全县工作会议上的讲话'), 'speechdoc.config.yaml': 'fileTimeout: 2\n' });
  const tmp = tempDir('speechdoc-tmpdir-');
  const { value: r, ms } = timed(() => runCli(['build', ...FONTS], dir, testEnv({ TMPDIR: tmp })));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /slow\.docx.*处理超过 2 秒仍未完成.*fileTimeout/);
  assert.deepEqual(readdirSync(tmp), [], 'the stopped worker\'s and its replacement\'s temp folders are gone');
  assert.match(r.stderr, /共 2 个文件.*1 个失败/);
  assert.deepEqual(listAll(join(dir, 'output')), ['ok.docx', 'ok.pdf']);
  assert.ok(ms < 60_000, `${Math.round(ms)} ms`);
});

test('a file over the memory bound fails alone, with the limit named; the batch goes on', () => {
  const dir = workdirWith({ 'input/big.docx': heavyDocx(12), 'input/ok.txt': shortSpeech('在全县工作会议上的讲话'), 'speechdoc.config.yaml': 'fileMemory: 256\n' });
  const { value: r, ms } = timed(() => runCli(['build', ...FONTS, '--report', 'r.json'], dir));
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /big\.docx.*内存超过 256 MB.*fileMemory/);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  const big = report.files.find((f: { input: string }) => f.input.endsWith('big.docx'));
  assert.equal(big.diagnostics[0].ruleId, 'limits/file-memory');
  assert.deepEqual(listAll(join(dir, 'output')), ['ok.docx', 'ok.pdf']);
  assert.ok(ms < 90_000, `${Math.round(ms)} ms`);
});

test('a file queued behind one that breaks the memory bound is built by the fresh worker, not failed with it', () => {
  // --jobs 2: one worker holding two files, the bigger running; the second waits in its queue.
  const dir = workdirWith({
    'input/big.docx': heavyDocx(12),
    'input/next.docx': heavyDocx(1.2),
    'input/ok.txt': shortSpeech('在全县工作会议上的讲话'),
    'speechdoc.config.yaml': 'fileMemory: 256\n',
  });
  const { value: r, ms } = timed(() => runCli(['build', ...FONTS, '--jobs', '2', '--report', 'r.json'], dir));
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
  const byName = (n: string) => report.files.find((f: { input: string }) => f.input.endsWith(n));
  assert.equal(byName('big.docx').diagnostics[0].ruleId, 'limits/file-memory');
  assert.notEqual(byName('next.docx').status, 'failed', JSON.stringify(byName('next.docx')));
  assert.deepEqual(listAll(join(dir, 'output')), ['next.docx', 'next.pdf', 'ok.docx', 'ok.pdf']);
  assert.ok(ms < 120_000, `${Math.round(ms)} ms`);
});

test('Ctrl-C while a worker holds a file: exit 130, cleaned up within 1.5 s (the file alone takes longer), no temporaries', async () => {
  const dir = workdirWith({ 'input/slow.docx': heavyDocx(12), 'input/a.txt': shortSpeech('在全县工作会议上的讲话') });
  const child = startCli(['build', ...FONTS], dir);
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  await new Promise<void>((resolveWait, reject) => {
    const timer = setTimeout(() => reject(new Error(`a.txt never finished: ${stderr}`)), 120_000);
    child.stderr.on('data', () => {
      if (/a\.txt/.test(stderr)) {
        clearTimeout(timer);
        resolveWait();
      }
    });
  });
  await new Promise((r) => setTimeout(r, 500)); // the worker is parsing slow.docx now
  const t = performance.now();
  let said = Infinity;
  child.stderr.on('data', () => {
    if (said === Infinity && /已中断/.test(stderr)) said = performance.now() - t;
  });
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  const ms = performance.now() - t;
  assert.equal(code, 130, stderr);
  // Work stops and temporaries go at once (the message comes after the cleanup); the process itself
  // then takes ~0.4 s to tear down a worker with a big heap on an idle machine, more on a loaded one.
  assert.ok(said < 1500, `cleaned up ${Math.round(said)} ms after SIGINT`);
  assert.ok(ms < 5000, `exited ${Math.round(ms)} ms after SIGINT`);
  assert.equal(listAll(join(dir, 'output')).filter((n) => n.includes('.speechdoc-tmp-')).length, 0);
});

test('Ctrl-C during a LibreOffice conversion kills soffice and removes its temp folder and the worker\'s', async (t) => {
  if (!existsSync('/usr/bin/soffice') && !process.env.PATH?.split(':').some((d) => existsSync(join(d, 'soffice')))) return t.skip('no LibreOffice');
  const tmp = tempDir('speechdoc-tmpdir-');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text><text:p>在会议上的讲话</text:p><text:p>正文。</text:p></office:text></office:body></office:document-content>`;
  const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) });
  const dir = workdirWith({ 'input/draft.odt': odt });
  const child = startCli(['build', ...FONTS], dir, testEnv({ TMPDIR: tmp }));
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  // Wait until LibreOffice's temp folder exists (inside the worker's own folder): the conversion is under way.
  const ours = () => (readdirSync(tmp, { recursive: true }) as string[]).filter((n) => /speechdoc-(soffice|worker)-/.test(n));
  const converting = () => ours().some((n) => n.includes('speechdoc-soffice-'));
  for (let i = 0; i < 600 && !converting(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(converting(), `no conversion started: ${stderr}`);
  await new Promise((r) => setTimeout(r, 300));
  const t0 = performance.now();
  child.kill('SIGINT');
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  assert.equal(code, 130, stderr);
  assert.ok(performance.now() - t0 < 5000, 'exit soon after the cleanup (teardown is slower on a loaded machine)');
  assert.deepEqual(ours(), [], 'the conversion\'s and the worker\'s temp folders removed');
  await new Promise((r) => setTimeout(r, 200));
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  assert.ok(!ps.includes(tmp), `a soffice of this run is still running:\n${ps.split('\n').filter((l) => l.includes(tmp)).join('\n')}`);
});

test('outputs are replaced as a pair: when the DOCX cannot be written the old PDF stays', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在全县工作会议上的讲话'), 'output/a.pdf': 'OLD PDF (speechdoc)', 'output/a.docx/keep': 'x' });
  const r = runCli(['build', ...FONTS], dir);
  assert.equal(r.code, 1, r.stderr);
  // Refused before writing (the path is not a speechdoc output) or failed while replacing: either way the old PDF stays.
  assert.match(r.stderr, /无法写入输出文件.*原有的输出文件保持不变|a\.docx，它不是 speechdoc 生成的/);
  assert.equal(readFileSync(join(dir, 'output/a.pdf'), 'utf8'), 'OLD PDF (speechdoc)');
  assert.deepEqual(listAll(join(dir, 'output')), ['a.docx', 'a.docx/keep', 'a.pdf']);
});

test('a name of 80 Chinese characters builds (temporary names stay short)', () => {
  const name = '关于进一步加强和改进新时代基层治理工作推动全县经济社会高质量发展的实施意见暨全县工作会议讲话稿'.repeat(2).slice(0, 80);
  const dir = workdirWith({ [`input/${name}.txt`]: shortSpeech('在全县工作会议上的讲话') });
  const r = runCli(['build', ...FONTS], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listAll(join(dir, 'output')), [`${name}.docx`, `${name}.pdf`]);
});

test('`--` names a file that starts with a dash; the default input/ is not built', () => {
  const dir = workdirWith({ '-rf.txt': shortSpeech('在全县工作会议上的讲话'), 'input/other.txt': shortSpeech('另一篇讲话') });
  const r = runCli(['build', ...FONTS, '-o', 'out', '--', '-rf.txt'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listAll(join(dir, 'out')), ['-rf.docx', '-rf.pdf']);
});

test('symbolic links: a loop and a link out of the input folder are reported and skipped; a link inside is followed once', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在全县工作会议上的讲话'), 'input/sub/b.txt': shortSpeech('第二篇讲话'), 'secret/private.txt': shortSpeech('私人文件') });
  symlinkSync(join(dir, 'input'), join(dir, 'input/sub/loop'));
  symlinkSync(join(dir, 'secret'), join(dir, 'input/outside'));
  symlinkSync('/', join(dir, 'input/root'));
  symlinkSync(join(dir, 'input/sub/b.txt'), join(dir, 'input/b-link.txt'));
  const { value: r, ms } = timed(() => runCli(['build', ...FONTS, '--report', 'r.json'], dir));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /input\/outside：符号链接指向输入文件夹 input 之外/);
  assert.match(r.stderr, /input\/sub\/loop：符号链接指回已读过的文件夹/);
  assert.deepEqual(listAll(join(dir, 'output')), ['a.docx', 'a.pdf', 'b-link.docx', 'b-link.pdf', 'sub', 'sub/b.docx', 'sub/b.pdf']);
  const glob = runCli(['build', ...FONTS, '-o', 'g', 'input/**/*.txt'], dir);
  assert.equal(glob.code, 0, glob.stderr);
  assert.ok(!listAll(join(dir, 'g')).some((n) => n.includes('private')), 'the glob did not follow the link out');
  assert.ok(ms < 60_000);
});

test('config discovery stops at the project root; a config others can write is refused; the one used is named', () => {
  const dir = workdirWith({ 'speechdoc.config.yaml': 'out: planted\nreport: planted.json\n', 'proj/package.json': '{}', 'proj/input/a.txt': shortSpeech('在全县工作会议上的讲话') });
  const proj = join(dir, 'proj');
  const r = runCli(['build', ...FONTS, '-v', '--report', 'r.json'], proj);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /配置文件：无/);
  assert.ok(!existsSync(join(dir, 'planted')) && !existsSync(join(dir, 'planted.json')), 'the parent config was not used');
  writeFileSync(join(proj, 'speechdoc.config.yaml'), 'out: mine\n');
  chmodSync(join(proj, 'speechdoc.config.yaml'), 0o666);
  const bad = runCli(['build', ...FONTS], proj);
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /speechdoc\.config\.yaml：配置文件任何用户都可以修改它/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, 'no stack trace');
  chmodSync(join(proj, 'speechdoc.config.yaml'), 0o644);
  const ok = runCli(['build', ...FONTS, '-v', '--report', 'r.json'], proj);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, new RegExp(`配置文件：${join(proj, 'speechdoc.config.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.equal(JSON.parse(readFileSync(join(proj, 'r.json'), 'utf8')).config, join(proj, 'speechdoc.config.yaml'));
  assert.ok(existsSync(join(proj, 'mine/a.pdf')));
});

test('bad SOURCE_DATE_EPOCH and --report naming a folder are usage errors (exit 2), without stack traces or outputs', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在全县工作会议上的讲话') });
  mkdirSync(join(dir, 'reports'));
  for (const [args, env, message] of [
    [[], { SOURCE_DATE_EPOCH: '-5' }, /SOURCE_DATE_EPOCH="-5" 不是从 1970 年起的秒数/],
    [[], { SOURCE_DATE_EPOCH: '99999999999999' }, /超出范围/],
    [["--report", "reports"], {}, /--report \S*reports：这是一个文件夹/],
  ] as Array<[string[], Record<string, string>, RegExp]>) {
    const r = runCli(['build', ...FONTS, ...args], dir, testEnv(env));
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.ok(!existsSync(join(dir, 'output')), 'nothing built');
  }
});

test('--jobs beyond the machine is reduced, and says so', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('甲'), 'input/b.txt': shortSpeech('乙') });
  const r = runCli(['build', ...FONTS, '--jobs', '64'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /--jobs 64 超过本机能力.*改为 \d+ 个并行通道/);
});

test('a font that is a device or a damaged file is named, and the build goes on with another face', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在全县工作会议上的讲话'), 'fonts/bad.ttf': new Uint8Array([0, 1, 0, 0, 0, 5, ...new Array(5000).fill(7)]) });
  for (const font of ['/dev/zero', 'fonts/bad.ttf']) {
    const { value: r, ms } = timed(() => runCli(['build', ...FONTS, '-v', '--font', `body=${font}`], dir));
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`字体文件 ${font.replace('/', '\\/')}.*无法使用`));
    assert.ok(ms < 60_000);
  }
});

test('a spreadsheet renamed .docx is called what it is', () => {
  const dir = workdirWith({ 'input/表格.docx': zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }) });
  const r = runCli(['build', ...FONTS], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /这是 Excel 表格，不是 Word 文档/);
  assert.deepEqual(listAll(join(dir, 'output')), []);
});
