/**
 * Traditional Chinese texts: detected from character statistics, tagged zh-Hant in the PDF (catalog
 * /Lang and XMP) and in Word (w:lang w:eastAsia), 「」『』 kept, and the GB-only normalizations
 * (straight quotes to “”, year ranges to the 一字线) leave them alone. Simplified texts are unchanged.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSpeech } from '../../src/parse/index.ts';
import { renderDocx, renderPdf } from '../../src/pipeline/render.ts';
import { detectScript } from '../../src/transform/script.ts';
import { unzipDocx } from '../render-docx/helpers.ts';
import { SAMPLE } from '../helpers/run-cli.ts';
import { bundled } from './helpers.ts';

const HANT = [
  '在全縣經濟工作會議上的講話',
  '同志們：',
  '今天我們召開這次會議，主要任務是總結過去一年的工作，部署今年的經濟工作。「堅持穩中求進」是我們的工作總基調，『高質量發展』是我們的根本要求。',
  '一、關於2018-2022年的工作回顧',
  '過去五年，全縣經濟總量連續跨越，人民生活水平不斷提高。他說："我們要繼續努力。"',
].join('\n');

test('character statistics tell Traditional from Simplified', () => {
  assert.equal(detectScript(HANT).script, 'Hant');
  assert.equal(detectScript(readFileSync(SAMPLE, 'utf8')).script, 'Hans');
  // A Simplified text quoting a few Traditional names stays Simplified.
  assert.equal(detectScript('我们学习了《臺灣關係法》的有关内容，会议认为要坚持一个中国原则，推进两岸关系和平发展。').script, 'Hans');
  // Too few distinguishing characters and corner quotes: Traditional.
  assert.equal(detectScript('「為人民服務」').script, 'Hant');
});

test('a Traditional text is tagged zh-Hant and keeps 「」『』, straight quotes and its hyphen', () => {
  const { value: speech } = parseSpeech(HANT, { file: 'hant.txt' });
  assert.equal(speech!.meta.lang, 'zh-Hant');
  const body = JSON.stringify(speech!.children);
  assert.match(body, /「堅持穩中求進」/);
  assert.match(body, /『高質量發展』/);
  assert.doesNotMatch(body, /[“”]/, 'no GB curly quotes put in');
  assert.match(body, /2018-2022年/, 'no GB/T 15834 range fix');
  const gb = parseSpeech(HANT.replace(/[「」『』]/g, '"'), { file: 'x.txt' });
  assert.equal(gb.value!.meta.lang, 'zh-Hant');
  assert.equal(parseSpeech(readFileSync(SAMPLE, 'utf8'), { file: 'seed-speech.txt' }).value!.meta.lang, 'zh-CN');
});

test('the PDF and the Word copy of a Traditional text say zh-Hant', async () => {
  const { fontSet } = await bundled();
  const { value: speech } = parseSpeech(HANT, { file: 'hant.txt' });
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-hant-'));
  const pdf = await renderPdf(speech!, { fonts: fontSet, date: new Date(1_700_000_000_000) });
  writeFileSync(join(dir, 'a.pdf'), pdf.bytes);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(dir, 'a.pdf'), join(dir, 'q.pdf')]);
  const raw = readFileSync(join(dir, 'q.pdf'), 'latin1');
  assert.match(raw, /\/Lang \(zh-Hant\)/);
  assert.match(raw, /<dc:language><rdf:Bag><rdf:li>zh-Hant<\/rdf:li>/);
  assert.match(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }), /「堅持穩中求進」/);
  const docx = unzipDocx((await renderDocx(speech!, { fonts: fontSet, date: new Date(1_700_000_000_000) })).bytes);
  assert.match(docx.text('word/styles.xml'), /w:eastAsia="zh-Hant"/);
  assert.match(docx.text('word/document.xml'), /「堅持穩中求進」/);
});
