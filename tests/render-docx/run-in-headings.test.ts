/**
 * Run-in headings (（一）强化责任落实。其余正文…) reach the navigation pane the way Word writes a
 * style separator: the heading in its own Heading N paragraph whose mark is hidden (w:vanish +
 * w:specVanish), the body in the next paragraph. LibreOffice's navigator (here: the PDF bookmarks
 * it exports) lists every level; LibreOffice 7.4 still sets the heading on a line of its own, as it
 * does not run a hidden paragraph mark on (it does from 24.8, "inline headings").
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Block, Speech } from '../../src/model/types.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { bundledFontSet, unzipDocx, docxOf } from './helpers.ts';
import { hasCommand, pdfOutline } from './pdf-probe.ts';

const runIn = (marker: string, lead: string, rest: string): Block => ({
  type: 'paragraph',
  children: [
    { type: 'lead', kind: 'heading', depth: 2, marker, children: [{ type: 'text', value: marker + lead }] },
    { type: 'text', value: rest },
  ],
});

function speech(): Speech {
  return {
    type: 'speech',
    meta: { title: '关于推进数据专区建设的指导意见', credits: [], lang: 'zh-CN' },
    children: [
      { type: 'heading', depth: 1, marker: '一、', children: [{ type: 'text', value: '基本原则' }] },
      runIn('（一）', '坚持政府引导。', '强化政府统筹和政策供给，营造良好发展环境。'),
      runIn('（二）', '坚持授权运营。', '完善政务数据共享机制，深化授权运营模式。'),
      { type: 'heading', depth: 1, marker: '二、', children: [{ type: 'text', value: '保障措施' }] },
      runIn('（一）', '加快制度建设。', '制定专区管理办法。'),
    ],
  };
}

const DATE = new Date(Date.UTC(2024, 0, 5));

test('a run-in heading is a Heading 2 paragraph with a hidden mark, followed by its body paragraph', async () => {
  const { bytes } = await docxOf(speech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const doc = unzipDocx(bytes).text('word/document.xml');
  const paragraphs = [...doc.matchAll(/<w:p>(.*?)<\/w:p>/g)].map((m) => m[1]!);
  const i = paragraphs.findIndex((p) => p.includes('坚持政府引导'));
  assert.match(paragraphs[i]!, /^<w:pPr><w:pStyle w:val="Heading2"\/><w:rPr><w:vanish\/><w:specVanish\/><\/w:rPr><\/w:pPr>/);
  assert.doesNotMatch(paragraphs[i]!, /强化政府统筹/);
  assert.match(paragraphs[i + 1]!, /^<w:pPr><w:pStyle w:val="Normal"\/><\/w:pPr>.*强化政府统筹/);
  assert.equal(paragraphs.filter((p) => p.includes('<w:specVanish/>')).length, 3);
});

test('LibreOffice lists run-in headings with the others (PDF bookmarks of its navigator outline)', { skip: !(hasCommand('soffice') && hasCommand('qpdf')) && 'soffice/qpdf missing' }, async () => {
  const { bytes } = await docxOf(speech(), { preset: OFFICIAL, fonts: bundledFontSet(), date: DATE });
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-runin-'));
  try {
    writeFileSync(join(dir, 'a.docx'), bytes);
    const filter = 'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}';
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, join(dir, 'a.docx')], { timeout: 120_000 });
    assert.ok(existsSync(join(dir, 'a.pdf')));
    const outline = pdfOutline(join(dir, 'a.pdf'));
    for (const h of ['一、基本原则', '（一）坚持政府引导。', '（二）坚持授权运营。', '二、保障措施', '（一）加快制度建设。']) assert.ok(outline.includes(h), `${h} in ${outline}`);
    assert.equal(outline.length, 5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
