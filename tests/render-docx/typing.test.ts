/**
 * What a user gets when typing new characters into the copy, measured in LibreOffice: a run with
 * characters the speech does not use is added to a body paragraph (as typing does: no direct
 * formatting, the paragraph's style), the copy converted, and the faces of LibreOffice's PDF
 * compared with those of the untouched copy. A face that appears only after typing is a fallback:
 * the typed text came out in another face than the text around it.
 *   system (default)      the style names 仿宋_GB2312 etc.; typed text takes the same face as the
 *                         text around it (here LibreOffice's substitute, on an office machine the
 *                         installed face);
 *   embed, GB2312 text    the face is embedded with all of GB2312 under its real name; typed
 *                         GB2312 characters are in it;
 *   embed, rarer text     a renamed subset of exactly the used characters; a typed character it
 *                         lacks falls back to another face (Word documents the same for subsets).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { FontMode } from '../../src/render/docx/font-names.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, docxOf } from './helpers.ts';
import { hasCommand, pdfFonts, pdfText } from './pdf-probe.ts';
import { tinySpeech } from './speeches.ts';

const ready = hasCommand('soffice') && hasCommand('pdffonts');
/** GB2312 characters the tiny speech does not use. */
const TYPED = '鑫淼燕赵齐鲁';

/** Append a plain run (what typing at the end of a paragraph adds) to the paragraph holding `anchor`. */
function typeInto(docx: Uint8Array, anchor: string, typed: string): Uint8Array {
  const files = unzipSync(docx);
  const xml = new TextDecoder().decode(files['word/document.xml']);
  const at = xml.indexOf(anchor);
  const end = xml.indexOf('</w:p>', at);
  files['word/document.xml'] = strToU8(`${xml.slice(0, end)}<w:r><w:t>${typed}</w:t></w:r>${xml.slice(end)}`);
  return zipSync(files);
}

/** LibreOffice's PDF fonts and text of each DOCX, converted in one session. */
function convert(docs: Record<string, Uint8Array>): Record<string, { fonts: string[]; text: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-typing-'));
  try {
    const files = Object.entries(docs).map(([n, b]) => (writeFileSync(join(dir, `${n}.docx`), b), join(dir, `${n}.docx`)));
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { timeout: 180_000 });
    return Object.fromEntries(
      Object.keys(docs).map((n) => {
        assert.ok(existsSync(join(dir, `${n}.pdf`)), `${n}.pdf`);
        return [n, { fonts: pdfFonts(join(dir, `${n}.pdf`)).map((f) => f.name).sort(), text: pdfText(join(dir, `${n}.pdf`)) }];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function copy(mode: FontMode, extra?: string) {
  const speech = tinySpeech();
  if (extra) speech.children.push({ type: 'paragraph', children: [{ type: 'text', value: extra }] });
  return (await docxOf(speech, { preset: OFFICIAL, fonts: bundledFontSet(), date: new Date(0), fontMode: mode })).bytes;
}

const ANCHOR = '这是总基调。';
const newFaces = (before: string[], after: string[]) => after.filter((f) => !before.includes(f));

test('typing into the copy: the same face in system mode and in embed mode with GB2312 text, a fallback in a renamed subset', { skip: !ready && 'soffice/poppler missing' }, async (t) => {
  const system = await copy('system');
  const embed = await copy('embed');
  // 堃 (outside GB2312) makes the body face a renamed subset of the used characters.
  const rare = await copy('embed', '王堃同志发言。');
  const out = convert({
    system,
    systemTyped: typeInto(system, ANCHOR, TYPED),
    embed,
    embedTyped: typeInto(embed, ANCHOR, TYPED),
    rare,
    rareTyped: typeInto(rare, ANCHOR, TYPED),
  });
  for (const n of ['systemTyped', 'embedTyped', 'rareTyped']) t.diagnostic(`${n}: ${out[n]!.fonts.join(', ')}`);
  for (const n of ['systemTyped', 'embedTyped', 'rareTyped']) assert.ok(out[n]!.text.includes(TYPED), `${n} shows the typed text`);
  assert.deepEqual(newFaces(out.system!.fonts, out.systemTyped!.fonts), [], 'system: typed text in the face around it');
  assert.deepEqual(newFaces(out.embed!.fonts, out.embedTyped!.fonts), [], 'embed (GB2312): typed text in the embedded face');
  assert.ok(out.embedTyped!.fonts.includes('NotoSerifSC-Regular'));
  const fallback = newFaces(out.rare!.fonts, out.rareTyped!.fonts);
  assert.ok(fallback.length > 0, `embed (renamed subset): typed characters the subset lacks fall back (${out.rareTyped!.fonts})`);
});
