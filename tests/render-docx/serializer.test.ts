/**
 * The Word copy's parts written by our serializer of docx's component tree (src/adapters/docx.ts)
 * against docx's own formatter, part by part, for speeches using every block the renderer writes:
 * title block, headings 1–4, leads, placeholders (highlighted), emphasis, a table, 主送, 附件, 落款,
 * 成文日期, credits, both presets, both font modes, outside page numbers. And what the serializer
 * still leaves to docx, so a docx release that changes a class the Word copy uses shows up here.
 */
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { packageParts, serializerFallbacks } from '../../src/adapters/docx.ts';
import { createMeasurer } from '../../src/fonts/measurer.ts';
import type { Speech } from '../../src/model/types.ts';
import { wordDocument, type DocxOptions } from '../../src/render/docx/render-docx.ts';
import { OFFICIAL, READING, type Preset } from '../../src/style/preset.ts';
import { styleSpeech } from '../../src/style/style-speech.ts';
import { ROOT, bundledFontSet } from './helpers.ts';
import { noticeSpeech, tinySpeech } from './speeches.ts';

/** A notice with its closing furniture, and text docx must escape (& < > " ' and a control character). */
const notice = (): Speech =>
  noticeSpeech({
    title: '关于开展“安全生产”检查的通知',
    lastAttachment: '2.联系人名单',
    paragraphs: ['请于11月底前报送R&D投入、<重点>企业名单及"三同时"\u0001落实情况。', "检查组由县应急局's牵头。"],
  });

const fonts = bundledFontSet();

/** The parts of one speech's docx document, written by the serializer (`own`) or by docx. */
async function parts(speech: Speech, preset: Preset, options: Omit<DocxOptions, 'fonts'>, own: boolean) {
  const styled = styleSpeech(speech, preset, createMeasurer(fonts)).value;
  return packageParts(wordDocument(styled, { fonts, ...options }).doc, own);
}

const outside: Preset = { ...OFFICIAL, pageNumberPlacement: 'outside' };
/** Name, speech, preset, options, and what the body must hold (so the comparison is of a real body). */
const TABLE = /<w:tbl>.*投资.*<\/w:tbl>/s;
const ESCAPED = /R&amp;D投入、&lt;重点&gt;企业名单及&quot;三同时&quot;落实情况.*县应急局&apos;s牵头/s;
const cases: [string, () => Speech, Preset, Omit<DocxOptions, 'fonts'>, RegExp][] = [
  ['tiny speech, official', tinySpeech, OFFICIAL, {}, TABLE],
  ['tiny speech, reading, highlighted placeholders', tinySpeech, READING, { highlightPlaceholders: true }, /<w:highlight w:val="yellow"\/>/],
  ['notice, official, embedded fonts', notice, OFFICIAL, { fontMode: 'embed' }, ESCAPED],
  ['notice, page numbers outside', notice, outside, {}, ESCAPED],
];

for (const [name, speech, preset, options, body] of cases) {
  test(`our serializer writes every part as docx does: ${name}`, async () => {
    const ours = await parts(speech(), preset, options, true);
    const docx = await parts(speech(), preset, options, false);
    assert.deepEqual(Object.keys(ours), Object.keys(docx), 'the same parts in the same order');
    for (const path of Object.keys(docx)) {
      // docx stamps core.xml with the time it was built; the post-pass overwrites it.
      const strip = (x: string | Uint8Array) => (typeof x === 'string' ? x.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1') : Buffer.from(x).toString('hex'));
      assert.equal(strip(ours[path]!), strip(docx[path]!), path);
    }
    assert.match(String(ours['word/document.xml']), body);
  });
}

test('what the serializer leaves to docx: a table (its widths are worked out by docx), a colour attribute', async () => {
  const styled = styleSpeech(tinySpeech(), OFFICIAL, createMeasurer(fonts)).value;
  const left = await serializerFallbacks(wordDocument(styled, { fonts }).doc);
  assert.deepEqual(left, ['ColorAttributeComponent <_attr>', 'Table <w:tbl>']);
});

test('the bundled builds (dist/, where esbuild prints docx again) recognise every method the serializer emulates', async () => {
  // npm test brings dist/ up to date first (scripts/test.mjs). The library's chunk, and the CLI's one file.
  const chunk = readdirSync(join(ROOT, 'dist')).find((n) => /^render-docx-.*\.mjs$/.test(n));
  assert.ok(chunk, 'dist/ has no render-docx chunk: run npm run build');
  const library = (await import(pathToFileURL(join(ROOT, 'dist', chunk)).href)) as typeof import('../../src/render/docx/render-docx.ts');
  const cli = createRequire(import.meta.url)(join(ROOT, 'dist', 'cli.cjs')) as typeof import('../../src/cli/main.ts');
  for (const [name, { emulated, methods }] of [['library', library.docxSerializerStatus()], ['cli.cjs', await cli.docxSerializerStatus()]] as const) {
    const changed = emulated.filter((s) => !s.matches);
    assert.deepEqual(changed, [], `${name}: dist/ has other sources for ${changed.map((s) => s.name).join(', ')} (met: ${methods.join(', ')}): see fingerprint() in src/adapters/docx.ts`);
  }
});
