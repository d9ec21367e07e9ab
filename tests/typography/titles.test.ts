/**
 * Titles and subtitles break like a person breaks them: only between words and numbers, balanced,
 * never 1–2 characters alone on the last line. Checked on the lines pdftotext gives back from page 1
 * and against `titleBreaks`, which the DOCX uses for its manual line breaks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleBreaks } from '../../src/layout/blocks/balance-title.ts';
import { OFFICIAL, READING } from '../../src/style/preset.ts';
import { bundled, lay, lines, pageText, pdfFile, speechOf, text } from './helpers.ts';

/** Title → the lines a typesetter would set (20 cells of 2号 per line on the official block). */
const CASES: [string, string[]][] = [
  ['在庆祝内蒙古自治区成立三十五周年大会上的讲话', ['在庆祝内蒙古自治区成立', '三十五周年大会上的讲话']],
  ['在中国共产党第十四届中央委员会第五次全体会议上的讲话', ['在中国共产党第十四届中央委员会', '第五次全体会议上的讲话']],
  ['在全市第十四届人民代表大会第五次会议上的工作报告', ['在全市第十四届人民代表大会', '第五次会议上的工作报告']],
  ['在中国新民主主义青年团第三次全国代表大会上的祝词', ['在中国新民主主义青年团', '第三次全国代表大会上的祝词']],
  ['关于进一步加强和改进新时代基层党组织建设工作在全县大会上的讲话', ['关于进一步加强和改进新时代基层', '党组织建设工作在全县大会上的讲话']],
];

test('titles break between words and numbers, balanced, in the PDF', async () => {
  for (const [title, want] of CASES) {
    const doc = await lay(speechOf(['同志们好。'], { title }));
    assert.deepEqual(lines(doc).filter((l) => l.kind === 'title').map(text), want, title);
    const got = pageText(await pdfFile(doc), 1).split('\n').slice(0, want.length).map((l) => l.trim());
    assert.deepEqual(got, want, `pdftotext: ${title}`);
  }
});

test('no title line is left with one or two characters, and no break falls inside a number', async () => {
  const { measurer } = await bundled();
  const titles = [
    '在全县第十四届人民代表大会第五次会议上的讲话',
    '在纪念中国人民抗日战争暨世界反法西斯战争胜利七十周年大会上的讲话',
    '中华人民共和国第十三届全国人民代表大会第一次会议开幕式上的讲话',
    '在二〇二四年全县经济工作暨优化营商环境大会上的讲话',
  ];
  for (const title of titles) {
    const got = titleBreaks(title, measurer, OFFICIAL, 'title');
    assert.equal(got.join(''), title);
    assert.ok(got.length >= 2, title);
    assert.ok([...got[got.length - 1]!].length > 2, `last line: ${got.join(' / ')}`);
    const seg = new Intl.Segmenter('zh', { granularity: 'word' });
    let at = 0;
    for (const l of got.slice(0, -1)) {
      at += l.length;
      const edges = new Set([...seg.segment(title)].map((s) => s.index));
      assert.ok(edges.has(at), `break inside a word: ${got.join(' / ')}`);
      assert.ok(!/[〇零一二三四五六七八九十百]$/.test(l) || !/^[〇零一二三四五六七八九十百届次周年]/.test(got[got.indexOf(l) + 1]!), `break inside a number: ${got.join(' / ')}`);
    }
  }
});

test('a long subtitle is balanced too, and the DOCX gets the PDF\'s lines for title and subtitle', async () => {
  const { measurer } = await bundled();
  const subtitle = '——在中国共产党某某省第十一次代表大会暨全省领导干部会议上的工作报告和总结讲话';
  const title = '坚定信心真抓实干奋力谱写高质量发展新篇章';
  for (const preset of [OFFICIAL, READING]) {
    const doc = await lay(speechOf(['同志们好。'], { title, subtitle }), preset);
    const sub = lines(doc).filter((l) => l.kind === 'subtitle').map(text);
    assert.deepEqual(sub, titleBreaks(subtitle, measurer, preset, 'subtitle'), preset.name);
    assert.deepEqual(lines(doc).filter((l) => l.kind === 'title').map(text), titleBreaks(title, measurer, preset, 'title'), preset.name);
    if (sub.length > 1) {
      const n = sub.map((l) => [...l].length);
      assert.ok(Math.max(...n) - Math.min(...n) <= 6, `${preset.name}: ${sub.join(' / ')}`);
    }
  }
});

test('the writer\'s own title lines are kept and each balanced on its own', async () => {
  const { measurer } = await bundled();
  assert.deepEqual(titleBreaks('坚定信心　真抓实干\n奋力谱写高质量发展新篇章', measurer, OFFICIAL, 'title'), ['坚定信心　真抓实干', '奋力谱写高质量发展新篇章']);
  // In the PDF: two short writer's lines stay two lines (they would fit on one), a long one is balanced.
  const titleLines = ['坚定信心', '在中国共产党第十四届中央委员会第五次全体会议上的讲话'];
  const doc = await lay(speechOf(['同志们好。'], { title: titleLines.join(''), titleLines }));
  const got = lines(doc).filter((l) => l.kind === 'title').map(text);
  assert.deepEqual(got, ['坚定信心', '在中国共产党第十四届中央委员会', '第五次全体会议上的讲话']);
  assert.deepEqual(pageText(await pdfFile(doc), 1).split('\n').slice(0, 3), got);
});
