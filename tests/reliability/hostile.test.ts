/**
 * Hostile inputs: each case either gives a correct document or a named error — no crash, no hang,
 * no garbled text. Cases and expectations live in tests/fixtures/hostile/corpus.ts.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { HOSTILE } from '../fixtures/hostile/corpus.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';
import { checkSpeech } from '../../src/check/index.ts';
import { loadFontSet } from '../../src/fonts/index.ts';
import { renderPdf, renderDocx } from '../../src/pipeline/render.ts';
import type { FontSet } from '../../src/fonts/types.ts';
import { unzipSync, strFromU8 } from 'fflate';
import { blockText } from '../../src/model/to-plain-text.ts';
import { xmlSafe } from '../../src/render/xml.ts';

let fonts: FontSet;
const dir = mkdtempSync(join(tmpdir(), 'speechdoc-hostile-'));
before(async () => {
  fonts = (await loadFontSet({ useSystemFonts: false })).fontSet;
});

/**
 * Guards against a hang or a blow-up, not benchmarks (`npm run bench:linear` measures the
 * growth): the slowest case, the 5 MB speech, parses in ~2 s alone and took 37 s with eight test
 * suites sharing two cores.
 */
const TIME_BOUND_MS = 90_000;
const HEAP_BOUND_MB = 1500;

for (const c of HOSTILE) {
  test(`${c.name}: ${c.what} → ${c.expect.kind === 'error' ? `error ${c.expect.rule.source}` : 'a document'}`, async () => {
    const bytes = c.bytes();
    const t0 = performance.now();
    const parsed = await parseSpeechFile(bytes, { file: c.name });
    const ms = performance.now() - t0;
    assert.ok(ms < TIME_BOUND_MS, `parsing took ${Math.round(ms)} ms`);
    const heap = process.memoryUsage().heapUsed / 1024 / 1024;
    assert.ok(heap < HEAP_BOUND_MB, `heap ${Math.round(heap)} MB after parsing`);
    const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
    if (c.expect.kind === 'error') {
      const { rule, message } = c.expect;
      assert.ok(errors.length > 0, `expected an error, got ${JSON.stringify(parsed.diagnostics.slice(0, 3))}`);
      assert.ok(errors.some((d) => rule.test(d.ruleId)), `rules: ${errors.map((d) => d.ruleId)}`);
      if (message) assert.ok(errors.some((d) => message.test(d.message)), `messages: ${errors.map((d) => d.message)}`);
      for (const e of errors) {
        assert.ok(e.message.length > 0);
        assert.equal(e.file, c.name, 'the finding names the file');
      }
      return;
    }
    assert.deepEqual(errors, [], 'no error');
    const speech = parsed.value!;
    assert.ok(speech, 'a model');
    const all = [...parsed.diagnostics, ...checkSpeech(speech)];
    if (c.render) {
      const pdf = await renderPdf(speech, { fonts, date: new Date(0) });
      all.push(...pdf.diagnostics);
      const file = join(dir, `${c.name}.pdf`);
      writeFileSync(file, pdf.bytes);
      execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
      if (c.expect.minPages) assert.ok(pdf.pages >= c.expect.minPages, `${pdf.pages} pages`);
      // The Word copy opens as a package and holds the body as printed, in order.
      const docx = await renderDocx(speech, { fonts, date: new Date(0) });
      const xml = strFromU8(unzipSync(docx.bytes)['word/document.xml']!);
      const words = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join('')
        .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
      const printable = (t: string) => xmlSafe(t).replace(/[\s\p{Cc}\p{Default_Ignorable_Code_Point}]/gu, '');
      assert.ok(printable(words).includes(printable(speech.children.map(blockText).join(''))), 'document.xml holds the body text');
    }
    for (const rule of c.expect.warnings ?? []) {
      assert.ok(all.some((d) => d.ruleId === rule), `expected ${rule}, got ${[...new Set(all.map((d) => d.ruleId))]}`);
    }
  });
}
