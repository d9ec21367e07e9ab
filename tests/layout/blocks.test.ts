import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { dumpLayout } from '../../src/layout/index.ts';
import { G, allLines, count, han, heading, layout, linesOf, paraOf, speech, text } from './helpers.ts';

const RIGHT = G.blockLeftPt + G.blockWidthPt;

test('a 30-character title breaks into two balanced lines, the longer below, 讲话 never alone', () => {
  const title = '关于进一步加强和改进新时代基层党组织建设工作在全县大会上的讲话';
  const { document } = layout(speech([han(10)], { title }));
  const t = allLines(document).filter((l) => l.kind === 'title');
  assert.equal(t.length, 2);
  assert.equal(t.map(text).join(''), title);
  const [a, b] = t.map(count) as [number, number];
  assert.ok(Math.abs(a - b) <= 4, `${a} / ${b}`);
  assert.ok(a <= b, 'trapezoid: longer line below');
  assert.ok(!['讲话', '的讲话'].includes(text(t[1]!)));
  for (const l of t) assert.ok(Math.abs(l.xPt - G.blockLeftPt - (G.blockWidthPt - l.widthPt) / 2) < 0.01);
});

test('a title breaks at the space the writer put between its phrases; the space takes no room at the end', () => {
  const title = '坚定信心　真抓实干　全力推动县域经济高质量发展';
  const t = allLines(layout(speech([han(5)], { title })).document).filter((l) => l.kind === 'title');
  assert.deepEqual(t.map(text), ['坚定信心　真抓实干　', '全力推动县域经济高质量发展']);
  const cell = (G.cellPt * 22) / 16;
  assert.ok(Math.abs(t[0]!.widthPt - 9 * cell) < 1e-6);
});

test('title breaks keep 《》 and numbers whole', () => {
  const title = '深入学习贯彻《中国共产党农村基层组织工作条例》推动2024年工作再上新台阶';
  const t = allLines(layout(speech([han(5)], { title })).document).filter((l) => l.kind === 'title').map(text);
  assert.ok(t.length >= 2);
  assert.ok(t.some((s) => s.includes('《中国共产党农村基层组织工作条例》')), t.join('/'));
  assert.ok(t.some((s) => s.includes('2024')));
});

test('page numbers: "— N —" 14 pt, 7 mm below the block, odd right / even left one character in', () => {
  const { document } = layout(speech([han(26 + 28 * 40)]));
  assert.ok(document.pages.length >= 2);
  const [odd, even] = [document.pages[0]!.footer[0]!, document.pages[1]!.footer[0]!];
  assert.equal(text(odd), '— 1 —');
  assert.equal(text(even), '— 2 —');
  assert.equal(odd.gridLine, -1, 'a footer line, outside the grid');
  assert.ok(Math.abs(odd.xPt + odd.widthPt - (RIGHT - 14)) < 1e-6);
  assert.ok(Math.abs(even.xPt - (G.blockLeftPt + 14)) < 1e-6);
  const boxTop = G.blockTopPt + G.blockHeightPt + 7 * (72 / 25.4);
  assert.ok(Math.abs(odd.baselinePt - (boxTop + 0.88 * 14)) < 1e-6);
  assert.equal(odd.runs[0]!.faceKey, 'pageNumber');
  const centred = layout(speech([han(30)]), { ...OFFICIAL, pageNumberPlacement: 'center' }).document.pages[0]!.footer[0]!;
  assert.ok(Math.abs(centred.xPt - G.blockLeftPt - (G.blockWidthPt - centred.widthPt) / 2) < 1e-6);
  const reading = layout(speech([han(400)]), READING).document;
  assert.equal(text(reading.pages[1]!.footer[0]!), `第 2 页 / 共 ${reading.pages.length} 页`);
});

test('roles: headings by depth, leads, emphasis, placeholders, digits in latin', () => {
  const s = speech([
    heading(1, '一、', '总体要求'),
    heading(2, '（一）', '分项'),
    heading(3, '1.', '小项'),
    paraOf([
      { type: 'lead', kind: 'point', marker: '一是', children: [{ type: 'text', value: '一是抓好防控。' }] },
      { type: 'text', value: '要在2020年完成' },
      { type: 'emphasis', children: [{ type: 'text', value: '重点' }] },
      { type: 'placeholder', value: 'XX' },
      { type: 'text', value: '项。' },
    ]),
  ]);
  const ls = allLines(layout(s).document);
  assert.deepEqual(ls.slice(0, 3).map((l) => [l.tag, l.runs[l.runs.length - 1]!.faceKey]), [['H1', 'heading1'], ['H2', 'heading2'], ['H3', 'heading3']]);
  const runs = ls[3]!.runs;
  const face = (t: string) => runs.find((r) => r.text.includes(t));
  assert.equal(face('一是')!.faceKey, 'lead');
  assert.equal(face('2020')!.faceKey, 'latin');
  assert.equal(face('重点')!.fauxBold, true);
  assert.equal(face('XX')!.placeholder, true);
  const bold = allLines(layout(s, { ...OFFICIAL, leadStyle: 'bold' }).document)[3]!.runs[0]!;
  assert.deepEqual([bold.faceKey, bold.fauxBold], ['body', true]);
  assert.ok(Math.abs(ls[0]!.xPt - (G.blockLeftPt + 2 * G.cellPt)) < 1e-6, 'heading indented 2 cells');
});

test('one fonts/missing-glyph warning per character, drawn with the role face', () => {
  const r = layout(speech(['国家𠀀发展𠀀改革']), OFFICIAL, { missing: [0x20000] });
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0]!.ruleId, 'fonts/missing-glyph');
  assert.equal(allLines(r.document).map(text).join(''), '国家𠀀发展𠀀改革');
});

test('dump: one readable row per line', () => {
  const dump = dumpLayout(layout(speech([han(30)], { title: '标题' })).document);
  const rows = dump.split('\n');
  assert.equal(rows[0], 'p1 L01 x=278.76 w=43.43 |标题|');
  assert.match(rows[1]!, /^p1 L03 x=110\.96 w=410\.62 \|国家/);
});

test('src/layout never imports pdfkit or docx', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  for (const f of walk('src/layout')) {
    const src = readFileSync(f, 'utf8');
    assert.ok(!/from\s+['"](pdfkit|docx)['"/]|import\(['"](pdfkit|docx)/.test(src), f);
  }
});

test('a long speech lays out whole: every character once, in order, on full pages (no timing asserted)', () => {
  const body = Array.from({ length: 400 }, (_, i) => han(200 + (i % 50)) + '，“' + han(5) + '”。');
  const { document } = layout(speech(body));
  const lines = allLines(document);
  assert.equal(lines.map(text).join(''), body.join(''), 'nothing dropped, doubled or reordered');
  assert.equal(new Set(lines.map((l) => l.blockIndex)).size, body.length);
  // Widow/orphan control may end a page a line early, never more; the page count follows.
  for (const page of document.pages.slice(0, -1)) assert.ok(linesOf(page).length >= 21, `page ${page.number}: ${linesOf(page).length} lines`);
  assert.ok(document.pages.length >= Math.ceil(lines.length / 22) && document.pages.length <= Math.ceil(lines.length / 21), `${document.pages.length} pages`);
});
