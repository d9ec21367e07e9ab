/**
 * Code points that share a glyph (… and ⋯, ① and ➀ are one glyph each in Noto Serif SC): every
 * PDF's ToUnicode says the code point that document shows, whatever documents the same process
 * rendered before it. fontkit keeps one glyph object per glyph for the process, with the code point
 * it was first asked for; taken as the ToUnicode entry, a batch made the second file extract ⋯
 * for … and ➀ for ①, and its bytes differ from a build of that file alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseText } from '../../src/parse/text/index.ts';
import { renderPdf } from '../../src/pipeline/render.ts';
import { testFonts } from './test-fonts.ts';
import { pdfText, tempPdf } from './pdf-tools.ts';

const speech = (line: string) => parseText(`关于工作的讲话\n\n同志们：\n\n${line}\n`, { file: 'a.txt' }).value!;
const SHAPED = '第一项①加强领导。'; // ① is not Han: it goes through the shaper
const PLAIN = '省略号……结束。'; // … is CJK punctuation: plain glyph ids
const OTHER = '第一项➀加强领导。省略号⋯⋯结束。'; // the same two glyphs, for other code points

test('a PDF extracts the code points it shows where another document of the process showed their glyph for others', async () => {
  const fonts = testFonts();
  const date = new Date(0);
  const first = (await renderPdf(speech(`${SHAPED}${PLAIN}`), { fonts, date })).bytes;
  const other = (await renderPdf(speech(OTHER), { fonts, date })).bytes;
  const again = (await renderPdf(speech(`${SHAPED}${PLAIN}`), { fonts, date })).bytes;
  assert.match(pdfText(tempPdf(other)).replace(/\s+/g, ''), /第一项➀加强领导。省略号⋯⋯结束。/);
  assert.match(pdfText(tempPdf(again)).replace(/\s+/g, ''), /第一项①加强领导。省略号……结束。/);
  assert.ok(Buffer.from(first).equals(Buffer.from(again)), 'the same document gives the same bytes whatever came before it');
});
