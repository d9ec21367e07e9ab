/**
 * 破折号 and 省略号 as a reader sees them, in every bundled face that sets them: the page rendered at
 * 600 dpi, the ink of —— is one unbroken bar at least 1.5 em long inside its two cells, and the six
 * dots of …… are evenly spaced.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import type { PagedDocument, PlacedLine } from '../../src/layout/types.ts';
import { pageLinesOf, type Line } from './helpers.ts';
import type { Measurer } from '../../src/layout/types.ts';
import { bundled, darkRuns, darkestRow, drawn, inkColumns, lay, lines, pdfFile, renderBox, speechOf, text } from './helpers.ts';

const DPI = 600;
const K = DPI / 72;
let doc: PagedDocument;
let file: string;
let m: Measurer;

before(async () => {
  m = (await bundled()).measurer;
  doc = await lay(
    speechOf(
      [
        { type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '坚持——稳中求进……' }] },
        { type: 'heading', depth: 2, marker: '（一）', children: [{ type: 'text', value: '全面——提升质量……' }] },
        '——坚持稳中求进，全面提升发展质量……我们要做好各项工作。',
        '――我们要争取公平的发展（web copies type the 破折号 as U+2015 ――）。',
        { type: 'paragraph', children: [{ type: 'lead', kind: 'point', marker: '一是', children: [{ type: 'text', value: '一是抓好——落实……。' }] }, { type: 'text', value: '要把工作做细。' }] },
      ],
      { title: '政府工作报告——2024年……', subtitle: '——在全县经济工作会议上的讲话' },
    ),
  );
  file = await pdfFile(doc);
});

/** Page (1-based) and line of every occurrence of `pair` in the document. */
function occurrences(pair: string): { page: number; line: Line }[] {
  const out: { page: number; line: Line }[] = [];
  doc.pages.forEach((p, i) => {
    for (const l of pageLinesOf(p)) if (text(l).includes(pair)) out.push({ page: i + 1, line: l });
  });
  return out;
}

/** The two glyphs of each `pair` on a line, with the box their advances span. */
function pairBoxes(line: PlacedLine, pair: string) {
  const g = drawn(line, m);
  const out: { x: number; w: number; size: number; face: string }[] = [];
  for (let i = 0; i + 1 < g.length; i++) {
    if (g[i]!.ch + g[i + 1]!.ch !== pair) continue;
    const a = g[i]!;
    const b = g[i + 1]!;
    const left = Math.min(a.x, b.x);
    out.push({ x: left, w: Math.max(a.x + a.adv, b.x + b.adv) - left, size: a.size, face: a.faceKey });
    i++;
  }
  return out;
}

test('—— (and ――) is one unbroken rule at least 1.5 em long in the title, subtitle, 黑体 and 楷体 headings, body and leads', () => {
  const seen = new Set<string>();
  for (const pair of ['——', '――']) for (const { page, line } of occurrences(pair)) {
    for (const box of pairBoxes(line, pair)) {
      const img = renderBox(file, page, { x: box.x, y: line.baselinePt - 0.8 * box.size, w: box.w, h: 0.95 * box.size }, DPI);
      const runs = darkRuns(img, darkestRow(img));
      assert.equal(runs.length, 1, `${box.face} ${line.kind}: the bar has ${runs.length - 1} gap(s): ${JSON.stringify(runs)}`);
      const [a, b] = runs[0]!;
      assert.ok((b - a) / K >= 1.5 * box.size, `${box.face} ${line.kind}: rule ${((b - a) / K / box.size).toFixed(2)} em`);
      seen.add(box.face);
    }
  }
  assert.ok(seen.size >= 4, `faces checked: ${[...seen].join(', ')}`);
});

test('…… is six evenly spaced dots: the gap between the halves equals the dot pitch inside each', () => {
  const seen = new Set<string>();
  for (const { page, line } of occurrences('……')) {
    for (const box of pairBoxes(line, '……')) {
      const img = renderBox(file, page, { x: box.x, y: line.baselinePt - 0.8 * box.size, w: box.w, h: 0.95 * box.size }, DPI);
      const dots = inkColumns(img);
      assert.equal(dots.length, 6, `${box.face}: ${JSON.stringify(dots)}`);
      const centres = dots.map(([a, b]) => (a + b) / 2);
      const pitches = centres.slice(1).map((c, i) => c - centres[i]!);
      const spread = Math.max(...pitches) / Math.min(...pitches);
      assert.ok(spread < 1.06, `${box.face} ${line.kind}: dot pitches ${pitches.map((p) => (p / K).toFixed(2)).join(' ')} pt`);
      seen.add(box.face);
    }
  }
  assert.ok(seen.size >= 3, `faces checked: ${[...seen].join(', ')}`);
});

test('the text of —— and …… comes back from the PDF unchanged', async () => {
  const { execFileSync } = await import('node:child_process');
  const all = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const l of lines(doc)) if (l.kind !== 'pageNumber') assert.ok(all.includes(text(l).replace(/\s+/g, '')), text(l));
  assert.ok(all.includes('坚持——稳中求进……'));
});
