/** Drafts written by the docx package (as Word would store them), read end to end. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, FootnoteReferenceRun,
  InsertedTextRun, LevelFormat, Paragraph, Table, TableCell, TableRow, Textbox, TextRun,
} from 'docx';
import { parseDocxFile, readDocx } from '../../src/parse/docx/index.ts';
import { parseText } from '../../src/parse/text/index.ts';
import { brief, packageDocx, stripPositions } from './fixtures.ts';

const MANUAL = [
  '关于做好今年工作的讲话',
  '同志们：',
  '下面，我讲两点意见。',
  '一、认真总结经验',
  '（一）强化责任落实',
  '1.明确分工',
  '（1）细化到人',
  '一是全力抓好疫情防控。当前疫情已经得到控制。',
  '二是全力抓好项目建设。今年我县共有重点项目XX个。',
  '二、聚焦目标任务',
];
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const date = '2020-02-20T08:00:00Z';

let manual: Uint8Array;
let auto: Uint8Array;
let features: Uint8Array;

before(async () => {
  manual = await packageDocx({ sections: [{ children: MANUAL.map(para) }] });
  const level = (level: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) =>
    ({ level, format, text, alignment: AlignmentType.LEFT });
  auto = await packageDocx({
    numbering: {
      config: [{
        reference: 'gb',
        levels: [level(0, LevelFormat.CHINESE_COUNTING, '%1、'), level(1, LevelFormat.CHINESE_COUNTING, '（%2）'), level(2, LevelFormat.DECIMAL, '%3.'), level(3, LevelFormat.DECIMAL, '（%4）')],
      }],
    },
    sections: [{
      children: [
        para('关于做好今年工作的讲话'), para('同志们：'), para('下面，我讲两点意见。'),
        ...(['认真总结经验', '强化责任落实', '明确分工', '细化到人'] as const).map((t, i) => new Paragraph({ numbering: { reference: 'gb', level: i }, children: [new TextRun(t)] })),
        para('一是全力抓好疫情防控。当前疫情已经得到控制。'), para('二是全力抓好项目建设。今年我县共有重点项目XX个。'),
        new Paragraph({ numbering: { reference: 'gb', level: 0 }, children: [new TextRun('聚焦目标任务')] }),
      ],
    }],
  });
  features = await packageDocx({
    comments: { children: [{ id: 0, author: '审核', date: new Date(date), children: [para('这里再核实一下')] }] },
    footnotes: { 1: { children: [para('数据来源：县统计局。')] } },
    sections: [{
      children: [
        para('在全县领导干部大会上的讲话'),
        new Paragraph({ children: [new TextRun({ text: '一是全力抓好疫情防控。', bold: true }), new TextRun('当前疫情已经得到控制，'), new TextRun({ text: '切不可麻痹大意', bold: true }), new TextRun('。')] }),
        new Paragraph({
          children: [
            new TextRun('今年我县共有重点项目'),
            new DeletedTextRun({ text: '十', id: 1, author: '审核', date }),
            new InsertedTextRun({ text: 'XX', id: 2, author: '审核', date }),
            new TextRun('个'),
            new CommentRangeStart(0), new TextRun('，其中市级重点项目XX个'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }),
            new FootnoteReferenceRun(1), new TextRun('。'),
          ],
        }),
        new Table({
          rows: [
            new TableRow({ tableHeader: true, children: ['项目', '数量'].map((t) => new TableCell({ children: [para(t)] })) }),
            new TableRow({ children: ['民生工程', 'XX项'].map((t) => new TableCell({ children: [para(t)] })) }),
          ],
        }),
        new Textbox({ style: { width: '100pt', height: '50pt' }, children: [para('框中提示文字')] }),
        para('最后一段。'),
      ],
    }],
  });
});

test('manual numbering typed in Word gives the same model as the same plain text', async () => {
  const fromDocx = await parseDocxFile(manual, { file: 'manual.docx' });
  const fromText = parseText(MANUAL.join('\n'), { file: 'manual.txt' });
  assert.ok(fromDocx.value);
  assert.deepEqual(stripPositions(fromDocx.value), stripPositions(fromText.value));
});

test('Word auto-numbering (chineseCounting 一、 （一）, decimal 1. （1）) reads like typed markers', async () => {
  assert.deepEqual(readDocx(auto).lines.map((l) => l.text), MANUAL);
  const fromDocx = await parseDocxFile(auto, { file: 'auto.docx' });
  assert.deepEqual(stripPositions(fromDocx.value), stripPositions(parseText(MANUAL.join('\n')).value));
});

test('bold lead, emphasis, tracked changes, comment, footnote, table, text box', async () => {
  const r = readDocx(features, 'features.docx');
  assert.deepEqual(brief(r.lines.filter((l) => !l.table)), [
    '在全县领导干部大会上的讲话',
    ['一是全力抓好疫情防控。当前疫情已经得到控制，切不可麻痹大意。', 11, [[22, 29]]],
    '今年我县共有重点项目XX个，其中市级重点项目XX个。',
    '',
    '框中提示文字',
    '最后一段。',
  ]);
  const table = r.lines[3]!.table!;
  assert.equal(table.header, true);
  assert.equal(table.children.length, 2);
  const rules = r.diagnostics.map((d) => `${d.ruleId}@${d.position?.start.line ?? '-'}`);
  assert.deepEqual(rules.sort(), ['docx/comments@-', 'docx/footnote@3', 'docx/textbox@5', 'docx/tracked-changes@-'].sort());

  const parsed = await parseDocxFile(features, { file: 'features.docx' });
  const body = parsed.value!.children;
  const lead = body.find((b) => b.type === 'paragraph' && b.children[0]?.type === 'lead');
  assert.ok(lead, 'the bold 一是… sentence becomes a lead');
  assert.ok(body.some((b) => b.type === 'table' && b.header));
  assert.ok(JSON.stringify(body).includes('"type":"emphasis"'));
});
