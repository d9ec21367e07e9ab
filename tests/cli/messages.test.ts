/**
 * Issue 17, as a clerk meets it: every message in Chinese (English on request), fonts that stand in
 * named, inputs never overwritten, findings that quote the text, and the small traps. Each test
 * spawns the real CLI and looks at what it printed, its exit code and the files on disk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { BIN, ROOT, runCli, testEnv, workdirWith } from '../helpers/run-cli.ts';
import { rawDocx, p } from '../parse-docx/fixtures.ts';
import { shortSpeech } from './fixtures.ts';

const noSys = ['--no-system-fonts'];
const GAP = '在会议上的讲话\n同志们：\n一、第一部分\n正文。\n三、第三部分\n正文。\n';

/** Run with standard input. */
function runWithInput(args: string[], cwd: string, input: string | Uint8Array) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: testEnv(), input, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

test('help, usage errors and summaries are Chinese; --lang en and LANG=en_US give English', () => {
  const zh = runCli(['--help'], ROOT);
  assert.equal(zh.code, 0);
  assert.match(zh.stdout, /命令：/);
  assert.match(zh.stdout, /把讲话稿排成 PDF 和 Word 文档/);
  assert.match(zh.stdout, /退出码：0 成功/);
  const bad = runCli(['build', '--frobnicate'], ROOT);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /不认识的选项或参数：frobnicate/);
  assert.match(bad.stderr, /运行 speechdoc --help 查看用法/);

  const en = runCli(['--help', '--lang', 'en'], ROOT);
  assert.match(en.stdout, /Commands:/);
  assert.match(en.stdout, /render speeches to PDF and DOCX/);
  const envEn = runCli(['--help'], ROOT, testEnv({ LANG: 'en_US.UTF-8', LC_ALL: '' }));
  assert.match(envEn.stdout, /Commands:/);
  const envZh = runCli(['--help'], ROOT, testEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: '' }));
  assert.match(envZh.stdout, /命令：/);
  const wrong = runCli(['--help', '--lang', 'fr'], ROOT);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /--lang 的值“fr”无效/);
});

test('a batch with one bad file: Chinese lines per file, the bad one named, a Chinese summary, exit 1', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话'), 'input/b.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  const r = runCli(['build', ...noSys], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^完成 input\/a\.txt → output\/a\.pdf, output\/a\.docx（\d+ 页）$/m);
  assert.match(r.stderr, /^失败 input\/b\.txt：无法读取 input\/b\.txt：这是 PNG 图片，不是文本文件$/m);
  assert.match(r.stderr, /共 2 个文件：1 个成功，0 个有警告，1 个失败 · \d+ 页 · [\d.]+ 秒/);
  assert.deepEqual(files(join(dir, 'output')), ['a.docx', 'a.pdf', 'index.html']);
  const en = runCli(['build', ...noSys, '--lang', 'en', '-o', 'out-en'], dir);
  assert.match(en.stderr, /2 files: 1 ok, 0 with warnings, 1 failed/);
});

test('config errors are Chinese and name the file and the field; format: pdf as a string is accepted', () => {
  const dir = workdirWith({ 'speechdoc.config.yaml': 'preset: glossy\njobs: 1.5\nfoo: 1\n', 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  const r = runCli(['build'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /配置文件 \S*speechdoc\.config\.yaml 中的 preset：取值无效，可用的值：official、reading/);
  assert.match(r.stderr, /中的 jobs：应为整数/);
  assert.match(r.stderr, /不认识的设置：foo/);
  assert.equal(existsSync(join(dir, 'output')), false);

  const yamlBad = workdirWith({ 'speechdoc.config.yaml': 'format: [pdf\n', 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  assert.match(runCli(['build'], yamlBad).stderr, /不是有效的 YAML：第 \d+ 行第 \d+ 列附近有语法错误/);

  const ok = workdirWith({ 'speechdoc.config.json': JSON.stringify({ format: 'pdf', systemFonts: false }), 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  const built = runCli(['build'], ok);
  assert.equal(built.code, 0, built.stderr);
  assert.deepEqual(files(join(ok, 'output')), ['a.pdf', 'index.html']);
});

test('bad values are named: -j abc, -j 0.5, -f rtf, --font bogus=X; -f docx does not count pages', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  for (const [args, pattern] of [
    [['-j', 'abc'], /--jobs（-j）的值“abc”无效/],
    [['-j', '0.5'], /--jobs（-j）的值“0\.5”无效/],
    [['-f', 'rtf'], /--format（-f）的值“rtf”无效：可用 pdf、docx 或 pdf,docx/],
    [['--font', 'bogus=X'], /--font 的值“bogus=X”无效/],
  ] as const) {
    const r = runCli(['build', ...args], dir);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, pattern);
  }
  assert.equal(existsSync(join(dir, 'output')), false);
  const docx = runCli(['build', ...noSys, '-f', 'docx'], dir);
  assert.equal(docx.code, 0, docx.stderr);
  assert.match(docx.stderr, /共 1 个文件：1 个成功，0 个有警告，0 个失败 · [\d.]+ 秒/);
  assert.doesNotMatch(docx.stderr.split('\n').find((l) => l.startsWith('共 '))!, /页/);
});

test('no speeches: “没有找到讲话稿” and exit 1; a missing file is exit 2 in every command', () => {
  const dir = workdirWith({ 'empty/readme.pdf': 'x' });
  const r = runCli(['build', 'empty', ...noSys], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /没有找到讲话稿：文件夹 empty 中没有可读的文件（只有 \.pdf，共 1 个）/);
  assert.doesNotMatch(r.stderr, /共 0 个文件/);
  for (const cmd of [['build', 'nope.txt'], ['parse', 'nope.txt'], ['check', 'nope.txt'], ['fonts', 'nope.txt', ...noSys]]) {
    const m = runCli(cmd, dir);
    assert.equal(m.code, 2, `${cmd.join(' ')}: ${m.stderr}`);
    assert.match(m.stderr, /找不到(文件或文件夹)? ?nope\.txt/);
  }
});

test('stand-in fonts are named on every build, one line per role, with how to fix it; fonts marks them', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  const r = runCli(['build', ...noSys, '-f', 'pdf'], dir);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('字体：'));
  assert.ok(lines.some((l) => /^字体：未找到正文、三级标题的标准字体“仿宋_GB2312”，暂用“Noto Serif SC[^”]*”代替$/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^字体：未找到标题的标准字体“方正小标宋简体”/.test(l)));
  assert.ok(lines.some((l) => /^字体：未找到一级标题的标准字体“黑体”/.test(l)));
  assert.equal(new Set(lines).size, lines.length, 'each said once');
  assert.match(r.stderr, /把字体文件放进 fonts\/ 文件夹，或用 --font/);
  const fonts = runCli(['fonts', ...noSys], dir);
  assert.match(fonts.stdout, /^body 正文\s+Noto Serif SC[^\n]*（代用）/m);
  assert.match(fonts.stdout, /字体：未找到正文、三级标题的标准字体/);
});

test('a --font face not found is a warning always and, under --strict, an error that builds nothing', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话') });
  const r = runCli(['build', ...noSys, '-f', 'pdf', '--font', 'body=不存在的仿宋', '--font', 'title=fonts/FZXBSJW.TTF'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /speechdoc：警告：未找到字体“不存在的仿宋”（body）/);
  assert.match(r.stderr, /speechdoc：警告：未找到字体文件 fonts\/FZXBSJW\.TTF（title）/);
  const strict = runCli(['build', ...noSys, '-f', 'pdf', '-o', 'strict', '--strict', '--font', 'body=不存在的仿宋'], dir);
  assert.equal(strict.code, 2);
  assert.match(strict.stderr, /speechdoc：错误：未找到字体“不存在的仿宋”/);
  assert.match(strict.stderr, /没有排版任何文件/);
  assert.equal(existsSync(join(dir, 'strict')), false);
  const fonts = runCli(['fonts', ...noSys, '--strict', '--font', 'body=不存在的仿宋'], dir);
  assert.equal(fonts.code, 2);
  assert.match(fonts.stderr, /未找到字体“不存在的仿宋”/);
});

test('build drafts -o drafts refuses to overwrite the original Word draft, and an input, before writing', () => {
  const draft = rawDocx(p('在全县工作会议上的讲话') + p('同志们：') + p('今天召开会议。'));
  const dir = workdirWith({ 'drafts/a.docx': draft, 'drafts/b.txt': shortSpeech('在乙会议上的讲话'), 'drafts/b.docx': draft });
  const r = runCli(['build', 'drafts', '-o', 'drafts', ...noSys], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /失败 drafts\/a\.docx：未排版：输出会覆盖输入文件 drafts\/a\.docx/);
  assert.ok(readFileSync(join(dir, 'drafts/a.docx')).equals(Buffer.from(draft)), 'the draft is untouched');
  assert.ok(readFileSync(join(dir, 'drafts/b.docx')).equals(Buffer.from(draft)), 'the other draft is untouched');
  assert.deepEqual(files(join(dir, 'drafts')), ['a.docx', 'b.docx', 'b.txt', 'index.html']);
  // b.txt alone: b.docx is not an input this time, but speechdoc did not write it either.
  const alone = runCli(['build', 'drafts/b.txt', '-o', 'drafts', ...noSys], dir);
  assert.equal(alone.code, 1);
  assert.match(alone.stderr, /输出会覆盖 drafts\/b\.docx，它不是 speechdoc 生成的/);
  assert.ok(readFileSync(join(dir, 'drafts/b.docx')).equals(Buffer.from(draft)));
  // Its own earlier outputs are replaced as before.
  const again = [runCli(['build', 'drafts/b.txt', '-o', 'out', ...noSys], dir), runCli(['build', 'drafts/b.txt', '-o', 'out', ...noSys], dir)];
  for (const x of again) assert.equal(x.code, 0, x.stderr);
});

test('an output folder that cannot be made is named, with no temporary file name, and nothing is built', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在甲会议上的讲话'), 'plain-file': 'x' });
  const r = runCli(['build', ...noSys, '-o', 'plain-file/out'], dir);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /输出文件夹不能用：plain-file\/out 的路径中有一段是文件而不是文件夹；没有写出任何文件/);
  assert.doesNotMatch(r.stderr, /speechdoc-tmp|EEXIST|ENOTDIR/);
});

test('findings quote the text around them; a finding without a line says so instead of 0:0', () => {
  const dir = workdirWith({ 's.txt': GAP, 'empty.txt': '\n\n' });
  const r = runCli(['check', 's.txt', 'empty.txt'], dir);
  assert.match(r.stdout, /^s\.txt:5:1 警告 numbering\/gap 编号不连续：“三、”之前缺少“二、” 原文：“【三、】第三部分”$/m);
  assert.match(r.stdout, /^empty\.txt（全文） 错误 /m);
  assert.doesNotMatch(r.stdout, /:0:0/);
  const json = JSON.parse(runCli(['check', 's.txt', 'empty.txt', '--format', 'json'], dir).stdout);
  assert.equal(json.find((d: { ruleId: string }) => d.ruleId === 'numbering/gap').excerpt, '【三、】第三部分');
  assert.equal(json.find((d: { file: string }) => d.file === 'empty.txt').line, null);
});

test('rules: in the config switch a finding off or down, in check and in build --strict', () => {
  const dir = workdirWith({ 's.txt': GAP, 'speechdoc.config.json': JSON.stringify({ rules: { 'numbering/gap': 'off' }, systemFonts: false }) });
  const c = runCli(['check', 's.txt', '--strict'], dir);
  assert.equal(c.code, 0, c.stdout + c.stderr);
  assert.doesNotMatch(c.stdout, /numbering\/gap/);
  const b = runCli(['build', 's.txt', '--strict', '-f', 'pdf'], dir);
  assert.equal(b.code, 0, b.stderr);
  writeFileSync(join(dir, 'speechdoc.config.json'), JSON.stringify({ rules: { 'numbering/*': 'error' }, systemFonts: false }));
  const e = runCli(['check', 's.txt'], dir);
  assert.equal(e.code, 1);
  assert.match(e.stdout, /s\.txt:5:1 错误 numbering\/gap/);
  writeFileSync(join(dir, 'speechdoc.config.json'), JSON.stringify({ rules: { 'numbring/gap': 'off' } }));
  const typo = runCli(['check', 's.txt'], dir);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /rules\.numbring\/gap：规则名应写成 numbering\/gap/);
});

test('check --fix writes the normalized text to a new file; --write rewrites in place; blanks and indents stay', () => {
  const text = '在会议上的讲话\r\n同志们：\r\n　　今天开会,主要讲"三件事":XX同志要参加.\r\n';
  const dir = workdirWith({ 'd.txt': text, 'w.md': '# 在会议上的讲话\n\n同志们：\n\n- 今天开会,讲[链接](http://a.b/c,d)。\n', 'x.docx': rawDocx(p('讲话')) });
  const r = runCli(['check', 'd.txt', '--fix'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /已写出 d\.fixed\.txt（\d+ 处规范化）/);
  assert.equal(readFileSync(join(dir, 'd.txt'), 'utf8'), text, 'the draft is untouched');
  assert.equal(readFileSync(join(dir, 'd.fixed.txt'), 'utf8'), '在会议上的讲话\r\n同志们：\r\n　　今天开会，主要讲“三件事”：XX同志要参加。\r\n');
  const again = runCli(['check', 'd.txt', '--fix'], dir);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /d\.fixed\.txt 已存在，未覆盖/);
  const md = runCli(['check', 'w.md', '--fix', '--write'], dir);
  assert.equal(md.code, 0, md.stderr);
  assert.equal(readFileSync(join(dir, 'w.md'), 'utf8'), '# 在会议上的讲话\n\n同志们：\n\n- 今天开会，讲[链接](http://a.b/c,d)。\n');
  const docx = runCli(['check', 'x.docx', '--fix'], dir);
  assert.equal(docx.code, 1);
  assert.match(docx.stderr, /--fix 只能改写 \.txt 和 \.md 文件/);
  assert.equal(runCli(['check', 'd.txt', '--write'], dir).code, 2);
});

test('check takes folders and globs like build; build - and parse - read standard input', () => {
  const dir = workdirWith({ 'drafts/a.txt': GAP, 'drafts/sub/b.md': '# 在会议上的讲话\n\n正文。\n', 'drafts/c.txt': shortSpeech('在丙会议上的讲话') });
  const folder = runCli(['check', 'drafts'], dir);
  assert.match(folder.stderr, /检查了 3 个文件/);
  assert.match(folder.stdout, /^drafts\/a\.txt:5:1 警告 numbering\/gap/m);
  const glob = runCli(['check', 'drafts/*.txt'], dir);
  assert.match(glob.stderr, /检查了 2 个文件/);
  assert.equal(runCli(['check', 'drafts/*.docx'], dir).code, 2);

  const gbk = iconv.encode(GAP, 'gbk');
  const parsed = runWithInput(['parse', '-'], dir, gbk);
  assert.equal(parsed.code, 0, parsed.stderr);
  assert.equal(JSON.parse(parsed.stdout).meta.title, '在会议上的讲话');
  const built = runWithInput(['build', '-', '-o', 'out', ...noSys], dir, GAP);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stderr, /（标准输入）:5:1 警告 numbering\/gap/);
  assert.doesNotMatch(built.stderr, /speechdoc-stdin/);
  assert.deepEqual(files(join(dir, 'out')), ['index.html', 'stdin.docx', 'stdin.pdf']);
  assert.equal(runWithInput(['parse', '-'], dir, '').code, 1);
});

test('the bundled samples build without numbering warnings; init’s next step works as printed', () => {
  const r = runCli(['check', 'input'], ROOT);
  assert.doesNotMatch(r.stdout, /numbering\//);
  const dir = workdirWith({});
  const init = runCli(['init', 'work'], dir);
  assert.equal(init.code, 0, init.stderr);
  assert.match(init.stderr, /已建立：/);
  const next = /下一步：cd work && (.+) build$/m.exec(init.stderr);
  assert.ok(next, init.stderr);
  assert.match(readFileSync(join(dir, 'work', 'speechdoc.config.yaml'), 'utf8'), /# 输出文件夹/);
  // The printed command, as the user would type it (a clone: node …/bin/speechdoc.js).
  const words = next[1]!.match(/"[^"]*"|\S+/g)!.map((w) => w.replace(/^"|"$/g, ''));
  const cmd = spawnSync(words[0]!, [...words.slice(1), 'build', '--no-system-fonts', '-f', 'pdf'], { cwd: join(dir, 'work'), env: testEnv(), encoding: 'utf8' });
  assert.equal(cmd.status, 0, cmd.stderr);
  assert.deepEqual(files(join(dir, 'work', 'output')), ['index.html', 'sample-speech.pdf']);
});

test('build --verbose lists the faces in the role table `speechdoc fonts` prints: Chinese role names, sources, stand-ins marked', () => {
  const dir = workdirWith({ 'input/a.txt': shortSpeech('在会议上的讲话') });
  const r = runCli(['build', ...noSys, '--verbose', '-f', 'pdf'], dir);
  assert.equal(r.code, 0, r.stderr);
  const table = r.stderr.split('\n').filter((l) => l.startsWith('字体  '));
  assert.match(table[0]!, /^字体  角色\s+字体\s+文件\s+来源\s+轮廓\s+嵌入$/);
  assert.equal(table.length, 10, table.join('\n'));
  assert.match(r.stderr, /字体  body 正文\s+Noto Serif SC Regular（代用）\s+\S+NotoSerifSC_400Regular\.ttf\s+随附\s+glyf\s+可嵌入/);
  assert.match(r.stderr, /字体  latin 西文和数字\s+Tinos/);
  assert.doesNotMatch(r.stderr, /\(bundled/);
});

test('a draft LibreOffice converts (.odt) gets its findings quoted too, in build and in check', { skip: !process.env.PATH?.split(':').some((d) => existsSync(join(d, 'soffice'))) && 'no LibreOffice' }, () => {
  const paras = GAP.trim().split('\n').map((l) => `<text:p>${l}</text:p>`).join('');
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:text>${paras}</office:text></office:body></office:document-content>`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content), 'META-INF/manifest.xml': strToU8(manifest) });
  const dir = workdirWith({ 'input/d.odt': odt });
  const b = runCli(['build', ...noSys, '-f', 'pdf'], dir);
  assert.equal(b.code, 0, b.stderr);
  assert.match(b.stderr, /numbering\/gap.*原文：“【三、】第三部分”/);
  const c = runCli(['check', 'input/d.odt'], dir);
  assert.match(c.stdout, /^input\/d\.odt:5:1 警告 numbering\/gap 编号不连续：“三、”之前缺少“二、” 原文：“【三、】第三部分”$/m);
});
