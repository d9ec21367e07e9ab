/**
 * Property tests of the line breaker through the public layout API: random paragraphs of Han,
 * punctuation, digits and Latin never break a 避头尾 rule of the notes' GB-style sets, never
 * overflow the measure, and keep the text in order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { layoutSpeech } from '../../src/layout/index.ts';
import type { Measurer } from '../../src/layout/types.ts';
import type { Speech } from '../../src/model/types.ts';
import { OFFICIAL, READING, pageGeometry } from '../../src/style/preset.ts';
import { linesOf } from '../layout/helpers.ts';

// The GB-style sets of typesetting.md §3.2, written out independently of the implementation.
const NO_START = new Set([...'、。，：；！？”’）〕】〗》〉」』］｝～·%‰℃']);
const NO_END = new Set([...'“‘（〔【〖《〈「『［｛￥$']);

/** Han, full-width marks and CJK dashes take 1 em; ASCII 0.5 em: deterministic and font-free. */
const fake: Measurer = {
  faceFor: (role) => role,
  advance: (_face, text) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! < 0x2000 ? 0.5 : 1), 0),
  metrics: () => ({ ascent: 0.88, descent: -0.12 }),
};

const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((cp) => String.fromCodePoint(cp));
const mark = fc.constantFrom(...'，。、：；！？”）》】');
const opener = fc.constantFrom(...'“（《【');
const token = fc.oneof(
  { weight: 12, arbitrary: han },
  { weight: 3, arbitrary: fc.tuple(han, mark).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: fc.tuple(han, mark, mark).map(([a, b, c]) => a + b + c) },
  { weight: 2, arbitrary: fc.tuple(opener, han, han).map((t) => t.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('——', '……') },
  { weight: 1, arbitrary: fc.constantFrom('2020', '3.5%', '14', '1,000', '10:30', 'COVID-19', 'www.gov.cn', '128.6亿元') },
);
const paragraph = fc.array(token, { minLength: 10, maxLength: 200, size: 'max' }).map((ts) => `各${ts.join('')}。`);

function speechOf(text: string): Speech {
  return {
    type: 'speech',
    meta: { title: '标题', credits: [], lang: 'zh-CN' },
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  };
}

for (const preset of [OFFICIAL, READING]) {
  test(`${preset.name}: no forbidden line start or end, no overflow, text kept in order`, () => {
    const g = pageGeometry(preset);
    fc.assert(
      fc.property(paragraph, (text) => {
        const { value: document } = layoutSpeech(speechOf(text), preset, fake);
        const lines = document.pages.flatMap((p) => linesOf(p)).filter((l) => l.kind === 'body');
        const texts = lines.map((l) => l.runs.map((r) => r.text).join(''));
        assert.equal(texts.join(''), text, 'text preserved in order');
        texts.forEach((t, i) => {
          const first = [...t][0]!;
          const last = [...t].at(-1)!;
          if (i > 0) assert.ok(!NO_START.has(first), `line ${i + 1} starts with ${first}: ${t}`);
          if (i < texts.length - 1) assert.ok(!NO_END.has(last), `line ${i + 1} ends with ${last}: ${t}`);
          if (i < texts.length - 1) {
            // Dashes and ellipses come in pairs here, so an odd run at a line end is a split pair.
            assert.equal((/—*$/.exec(t)![0].length) % 2, 0, `—— split after line ${i + 1}: ${t}`);
            assert.equal((/…*$/.exec(t)![0].length) % 2, 0, `…… split after line ${i + 1}: ${t}`);
          }
        });
        for (const l of lines) {
          assert.ok(l.xPt >= g.blockLeftPt - 0.5, `line starts left of the block: ${l.xPt}`);
          assert.ok(l.xPt + l.widthPt <= g.blockLeftPt + g.blockWidthPt + 0.5, `line overflows: ${l.xPt + l.widthPt}`);
        }
        lines.slice(0, -1).forEach((l, i) => {
          const right = l.xPt + l.widthPt;
          assert.ok(Math.abs(right - (g.blockLeftPt + g.blockWidthPt)) <= 0.5, `line ${i + 1} not flush: ${right}`);
        });
      }),
      { numRuns: 300, seed: 20261129 },
    );
  });
}
