import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { inlineText } from '../../src/model/to-plain-text.ts';
import type { Heading, Speech } from '../../src/model/types.ts';
import { selectAll } from '../../src/model/visit.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { allTexts, problems, readBytes, repoPath } from './helpers.ts';

const load = async (name: string): Promise<{ speech: Speech; warnings: string[] }> => {
  const r = await parseSpeechFile(readBytes(`input/${name}`), { file: name });
  assert.ok(r.value, JSON.stringify(r.diagnostics));
  return { speech: r.value, warnings: problems(r.diagnostics).map((d) => d.ruleId) };
};
const depths = (s: Speech): number[] => [...new Set(selectAll(s, 'heading').map((h: Heading) => h.depth))].sort();

test('every sample in input/ parses without errors and has no ASCII punctuation next to Han', async () => {
  const files = readdirSync(repoPath('input')).filter((f) => /\.(txt|md)$/.test(f));
  assert.ok(files.length >= 4);
  for (const f of files) {
    const { speech, warnings } = await load(f);
    assert.ok(!warnings.includes('parse/empty'), f);
    for (const t of allTexts(speech)) assert.doesNotMatch(t, /[\p{Script=Han}][,:;?!()]|[,:;?!()][\p{Script=Han}]|"/u, `${f}: ${t}`);
  }
});

test('county-economy-speech.txt: full title block, all four heading levels, 十一是, 第一，, placeholders, credits', async () => {
  const { speech: s, warnings } = await load('county-economy-speech.txt');
  assert.deepEqual(warnings, []);
  assert.equal(s.meta.subtitle, '——在全县经济工作会议上的讲话');
  assert.equal(s.meta.speaker, '县委书记　×××');
  assert.equal(s.meta.date, '（2024年3月15日）');
  assert.equal(s.children[0]?.type, 'salutation');
  assert.deepEqual(depths(s), [1, 2, 3, 4]);
  const markers = selectAll(s, 'lead').map((l) => l.marker);
  assert.ok(markers.includes('十一是') && markers.includes('第三，') && markers.includes('（二）'));
  assert.deepEqual(selectAll(s, 'placeholder').map((p) => p.value), ['ＸＸ', '○○', '___', '【待核实】', '某某']);
  assert.deepEqual(s.meta.credits.map((c) => c.label), ['来源', '责任编辑']);
  const text = allTexts(s).join('');
  for (const kept of ['5.8%', '42,860元', '10:30', 'www.gov.cn', 'zsj@example.gov.cn', 'Mr. Smith']) assert.ok(text.includes(kept), kept);
});

test('health-work-speech.txt: 原标题, — subtitle, Chinese-numeral date, run-in 1.…。 leads, 第一、', async () => {
  const { speech: s } = await load('health-work-speech.txt');
  assert.equal(s.meta.originalTitle, s.meta.title);
  assert.equal(s.meta.subtitle, '——在全县卫生健康工作会议上的讲话');
  assert.equal(s.meta.date, '二〇二四年五月二十日');
  const runIn = selectAll(s, 'lead').filter((l) => l.kind === 'heading');
  assert.deepEqual(runIn.map((l) => [l.depth, l.marker]), [[3, '1.'], [3, '2.'], [3, '3.'], [2, '（一）'], [2, '（二）'], [2, '（三）'], [2, '（四）']]);
  assert.ok(allTexts(s).join('').includes('COVID-19（新冠肺炎）'));
  assert.deepEqual(selectAll(s, 'placeholder').map((p) => p.value), ['XX', 'XXX', '○○']);
  assert.deepEqual(selectAll(s, 'lead').filter((l) => l.kind === 'point').map((l) => l.marker), ['第一、', '第二、', '第三、', '一是', '二是', '三是']);
});

test('safety-production-speech.md: front matter, table, leads from **…**, heading without marker, HTML dropped', async () => {
  const { speech: s, warnings } = await load('safety-production-speech.md');
  assert.deepEqual(warnings, ['markdown/html']);
  assert.equal(s.meta.occasion, '全县安全生产工作会议');
  assert.equal(selectAll(s, 'table').length, 1);
  assert.ok(selectAll(s, 'heading').some((h) => h.marker === '' && inlineText(h.children) === '建筑施工安全'));
  assert.deepEqual(selectAll(s, 'lead').filter((l) => l.kind === 'point').map((l) => l.marker), ['一是', '二是', '第一，', '第二，', '第三，']);
  assert.ok(!allTexts(s).join('').includes('以下内容不印刷'));
});
