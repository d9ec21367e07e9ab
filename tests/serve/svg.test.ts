/** SVG pages from the layout frame: glyph positions as the PDF places them, escaping, draft boxes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { glyphXs, runWidth } from '../../src/render/svg/glyph-positions.ts';
import { pageSvg } from '../../src/render/svg/render-svg.ts';
import type { PagedDocument, PlacedRun } from '../../src/layout/types.ts';

/** 1 em per character, 0.5 em for ASCII. */
const advance = (_face: string, text: string) => Array.from(text).reduce((n, ch) => n + (ch.charCodeAt(0) < 128 ? 0.5 : 1), 0);

const run = (over: Partial<PlacedRun> = {}): PlacedRun => ({ text: '同志们：', faceKey: 'F', sizePt: 16, xPt: 100, characterSpacingPt: 0.5, ...over });

test('each glyph starts at the advance before it plus one spacing per character, plus its offset', () => {
  assert.deepEqual(glyphXs(run(), advance), [100, 116.5, 133, 149.5]);
  assert.deepEqual(glyphXs(run({ glyphOffsetsEm: [0, 0, 0, -0.25] }), advance), [100, 116.5, 133, 145.5]);
  // Shaped (Latin) text is measured by prefix; a character outside the BMP fills two code units.
  assert.deepEqual(glyphXs(run({ text: 'ab𠀀c', characterSpacingPt: 0 }), advance), [100, 108, 116, 116, 132]);
  assert.equal(runWidth(run(), advance), 66);
});

test('a page is an SVG of text lines with their source, escaped, with draft boxes behind placeholders', () => {
  const doc: PagedDocument = {
    widthPt: 595.28,
    heightPt: 841.89,
    meta: { title: 't', credits: [], lang: 'zh-CN' },
    facesUsed: ['F'],
    outline: [],
    grid: { marginTopPt: 0, marginLeftPt: 0 } as unknown as PagedDocument['grid'],
    pages: [
      {
        index: 0,
        number: 1,
        footer: [],
        blocks: [
          {
            type: 'text',
            block: 3,
            node: 2,
            role: 'paragraph',
            tag: 'P',
            continued: false,
            source: { start: { line: 4, column: 1 }, end: { line: 4, column: 9 } },
            lines: [
              {
                baselinePt: 200,
                gridLine: 0,
                xPt: 100,
                widthPt: 100,
                last: true,
                runs: [run({ text: '<a&b>' }), run({ text: 'XX', xPt: 200, placeholder: true })],
              },
            ],
          },
        ],
      },
    ],
  };
  const svg = pageSvg(doc, doc.pages[0]!, { advance, family: (k) => `fam-${k}`, draft: true });
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 595\.28 841\.89"/);
  assert.match(svg, /<text class="sd-line" data-role="paragraph" data-block="3" data-src="4:1-4:9" y="200">/);
  assert.match(svg, />&lt;a&amp;b&gt;<\/tspan>/);
  assert.match(svg, /style="font-family:'fam-F';font-size:16px"/);
  assert.match(svg, /<rect class="sd-draft" x="200" y="185.92" width="17" height="16"/);
  assert.doesNotMatch(pageSvg(doc, doc.pages[0]!, { advance, family: (k) => k, draft: false }), /sd-draft/);
});
