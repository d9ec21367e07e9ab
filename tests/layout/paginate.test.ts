import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { G, allLines, blockLines, count, han, heading, layout, speech, text, linesOf } from './helpers.ts';
import type { PagedDocument } from '../../src/layout/types.ts';

/** Grid line (0-based) of a line from its baseline. */
function row(doc: PagedDocument, baseline: number, size = 16): number {
  return 0 + Math.round((baseline - 0.38 * size - G.blockTopPt - G.linePitchPt / 2) / G.linePitchPt);
}

/** A paragraph of exactly n lines (official preset: 26 after the indent, then 28). */
function nLines(n: number): string {
  return han(26 + 28 * (n - 1));
}

test('baselines sit on the 22-line grid; a full page holds 22 lines', () => {
  const { document } = layout(speech([nLines(30), nLines(30)]));
  const p1 = document.pages[0]!;
  assert.equal(linesOf(p1).length, 22);
  linesOf(p1).forEach((l, k) => {
    const expected = G.blockTopPt + k * G.linePitchPt + G.linePitchPt / 2 + 0.38 * 16;
    assert.ok(Math.abs(l.baselinePt - expected) < 1e-6);
  });
});

test('a heading is never the last line of a page', () => {
  for (let fill = 17; fill <= 22; fill++) {
    const { document } = layout(speech([nLines(fill), heading(1, '一、', '总体要求'), nLines(4)]));
    for (const page of document.pages) {
      const last = linesOf(page)[linesOf(page).length - 1]!;
      assert.notEqual(last.kind, 'heading', `fill ${fill}`);
    }
  }
});

test('official preset fills the block: a paragraph splits after any line, so every page but the last holds 22 lines', () => {
  for (let fill = 10; fill <= 22; fill++) {
    for (const n of [2, 3, 4, 5, 9]) {
      const { document } = layout(speech([nLines(fill), nLines(n), nLines(3)]));
      for (const page of document.pages.slice(0, -1)) assert.equal(linesOf(page).length, 22, `fill ${fill} n ${n}`);
    }
  }
});

test('reading preset: no paragraph leaves or carries a single line at a page break (widow/orphan)', () => {
  const nReading = (n: number) => han(18 + 20 * (n - 1));
  for (let fill = 6; fill <= 14; fill++) {
    for (const n of [2, 3, 4, 5, 9]) {
      const { document } = layout(speech([nReading(fill), nReading(n), nReading(3)]), READING);
      for (let b = 0; b < 3; b++) {
        const byPage = new Map<number, number>();
        document.pages.forEach((p) => linesOf(p).filter((l) => l.blockIndex === b).forEach(() => byPage.set(p.index, (byPage.get(p.index) ?? 0) + 1)));
        const parts = [...byPage.values()];
        if (parts.length > 1) for (const c of parts) assert.ok(c >= 2, `fill ${fill} n ${n} block ${b}: ${parts}`);
      }
    }
  }
});

test('official preset: a page ends short rather than carry a 孤字 last line alone to the next page', () => {
  // 20 lines, then a 3-line paragraph whose last line is 字。: the line above is one unbreakable
  // word, so the line breaker cannot give the 孤字 company.
  const { document } = layout(speech([nLines(20), han(26) + 'x'.repeat(54) + '字。']));
  assert.equal(text(allLines(document).at(-1)!), '字。');
  assert.equal(linesOf(document.pages[0]!).length, 21, 'the page ends one line short');
  assert.equal(linesOf(document.pages[1]!).length, 2, 'the 孤字 line is not alone at the top of page 2');
});

test('孤字: a lone last character is squeezed up or joined by one from the line above', () => {
  // Seven commas give a quarter cell each and the final 。 half a cell: room for 字。 on the line above.
  const squeezable = han(12) + '，' + han(13) + (han(3) + '，').repeat(7) + '字。';
  const a = allLines(layout(speech([squeezable])).document);
  assert.equal(a.length, 2);
  assert.equal(a.map(text).join(''), squeezable);
  const tight = han(26) + han(28) + '字。';
  const b = allLines(layout(speech([tight])).document);
  assert.equal(b.map(text).join(''), tight);
  const lastLine = b[b.length - 1]!;
  assert.equal(count(lastLine), 3);
  assert.ok(Math.abs(b[1]!.xPt + b[1]!.widthPt - (G.blockLeftPt + G.blockWidthPt)) < 0.5);
});

test('reading preset: 20 characters per line, 14 lines, paragraphs split to fill the page', () => {
  const { document } = layout(speech([han(18 + 20 * 10), han(18 + 20 * 5)]), READING);
  const ls = allLines(document);
  assert.equal(count(ls[1]!), 20);
  assert.equal(linesOf(document.pages[0]!).length, 14, '11 lines, then 3 of the 6-line paragraph');
  assert.equal(blockLines(document, 1).length, 6);
  assert.equal(linesOf(document.pages[1]!).length, 3);
});

test('title block: title, subtitle, blank, speaker, date, blank, salutation', () => {
  const s = speech([{ type: 'salutation', children: [{ type: 'text', value: '同志们：' }] }, han(40)], {
    title: '坚定信心真抓实干', subtitle: '——在全县经济工作会议上的讲话', speaker: '县委书记　张三', date: '（2024年3月15日）',
  });
  const { document } = layout(s);
  const ls = linesOf(document.pages[0]!);
  const rows = ls.map((l) => row(document, l.baselinePt, l.runs[0]!.sizePt));
  assert.deepEqual(ls.slice(0, 5).map((l) => l.kind), ['title', 'subtitle', 'speaker', 'date', 'salutation']);
  assert.deepEqual(rows.slice(0, 5), [0, 1, 3, 4, 6]);
  const sal = ls[4]!;
  assert.ok(Math.abs(sal.xPt - G.blockLeftPt) < 1e-6, 'salutation flush left');
  for (const l of ls.slice(0, 4)) assert.ok(Math.abs(l.xPt - G.blockLeftPt - (G.blockWidthPt - l.widthPt) / 2) < 0.01, 'centred');
  const noByline = linesOf(layout(speech([han(10)], { title: '标题' })).document.pages[0]!);
  assert.deepEqual(noByline.map((l) => row(document, l.baselinePt, l.runs[0]!.sizePt)), [0, 2]);
});

test('outline: one entry per heading with its page and top', () => {
  const { document } = layout(speech([nLines(21), heading(1, '一、', '总体要求'), nLines(3), heading(2, '（一）', '分项')]));
  assert.deepEqual(document.outline.map((o) => [o.title, o.depth, o.pageIndex]), [['一、总体要求', 1, 1], ['（一）分项', 2, 1]]);
  assert.ok(Math.abs(document.outline[0]!.topPt - G.blockTopPt) < 1e-6);
});

test('credits print at the end only when the preset asks', () => {
  const s = speech([han(10)], { credits: [{ label: '编辑', value: '何利军' }] });
  assert.ok(!allLines(layout(s).document).some((l) => l.kind === 'credit'));
  const ls = allLines(layout(s, { ...OFFICIAL, printCredits: true }).document);
  assert.equal(text(ls[ls.length - 1]!), '编辑：何利军');
});

test('a heading chain (一、 then （一）) stays with the first paragraph line', () => {
  for (let fill = 18; fill <= 21; fill++) {
    const { document } = layout(speech([nLines(fill), heading(1, '一、', '总体要求'), heading(2, '（一）', '分项'), nLines(3)]));
    const p1 = document.pages[0]!;
    const kinds = linesOf(p1).map((l) => l.kind);
    assert.notEqual(kinds[kinds.length - 1], 'heading', `fill ${fill}`);
    const h2 = document.pages.findIndex((p) => linesOf(p).some((l) => l.tag === 'H2'));
    const h1 = document.pages.findIndex((p) => linesOf(p).some((l) => l.tag === 'H1'));
    assert.equal(h1, h2, `fill ${fill}`);
  }
});

test('reading preset: a heading over a paragraph that only fits a page alone is not left by itself', () => {
  const { document } = layout(speech([heading(1, '一、', '总体要求'), han(18 + 20 * 13)]), READING);
  assert.equal(linesOf(document.pages[0]!)[0]!.kind, 'heading');
  assert.equal(linesOf(document.pages[0]!).length, 13, 'heading + 12 lines; 2 carried (widow control)');
});
