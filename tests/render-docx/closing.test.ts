/**
 * What LibreOffice prints of a notice's closing furniture, against the handout: the 附件说明 one
 * blank line under the body, two characters in, a second attachment under the first one's name and its
 * wrapped second line under its own name's first character; the 落款 one blank line lower, flush right two
 * characters in (右空二字); the 成文日期 on the next line, starting two characters right of the
 * name; the credits one blank line lower, flush left. Both PDFs are read back with poppler.
 * Reference: GB/T 9704-2012 7.3.4–7.3.5; style/title-block.ts (closingBlocks).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFontSet } from '../../src/fonts/index.ts';
import type { Speech } from '../../src/model/types.ts';
import { renderDocx, renderPdf } from '../../src/pipeline/render.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import { hasCommand } from './pdf-probe.ts';
import { parityLines, type ParityLine } from './parity.ts';
import { noticeSpeech } from './speeches.ts';

const ready = hasCommand('soffice') && hasCommand('pdftotext');

/** An attachment name too long for one line (it wraps). */
const LONG_NAME = '检查工作联系人名单及各乡镇、各部门安全生产工作责任分工一览表';

/** A short notice: 主送, two paragraphs, 附件, 落款 and date, a credit. */
const notice = (): Speech =>
  noticeSpeech({
    title: '关于开展安全生产检查的通知',
    lastAttachment: `2.${LONG_NAME}`,
    paragraphs: ['为切实做好全县安全生产工作，经县政府同意，决定在全县范围内开展安全生产大检查。', '各单位要高度重视，认真组织，确保检查工作取得实效。'],
  });

test('LibreOffice prints the 附件, 落款, 成文日期 and credits where the handout does', { skip: !ready && 'soffice/poppler missing' }, async () => {
  const { fontSet } = await loadFontSet({ useSystemFonts: false });
  const options = { fonts: fontSet, date: new Date(0), preset: { ...OFFICIAL, printCredits: true } };
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-closing-'));
  try {
    writeFileSync(join(dir, 'handout.pdf'), (await renderPdf(notice(), options)).bytes);
    writeFileSync(join(dir, 'copy.docx'), (await renderDocx(notice(), { ...options, docxFonts: 'embed' })).bytes);
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, 'copy.docx')], {
      timeout: 120_000,
    });
    assert.ok(existsSync(join(dir, 'lo/copy.pdf')), 'LibreOffice converted the copy');
    const pdf = parityLines(join(dir, 'handout.pdf'));
    const lo = parityLines(join(dir, 'lo/copy.pdf'));
    const find = (lines: ParityLine[], start: string) => {
      const l = lines.find((x) => x.text.startsWith(start));
      assert.ok(l, `a line starting ${start}: ${lines.map((x) => x.text).join(' / ')}`);
      return l;
    };
    const pitch = 28.95;
    /** Grid lines from the 主送 line to the line starting `start` (both PDFs' boxes differ by face, not by line). */
    const row = (lines: ParityLine[], start: string) => Math.round((find(lines, start).y - find(lines, '各乡镇').y) / pitch);
    const cell = 442.2 / 28;
    const right = Math.max(...pdf.map((l) => l.x1));
    const left = Math.min(...pdf.map((l) => l.x0));
    for (const [start, what] of [
      ['附件', '附件说明'],
      ['2.检查', '附件说明第二行'],
      ['某某县', '落款'],
      ['二〇二四', '成文日期'],
      ['编辑', '稿件信息'],
    ] as const) {
      const a = find(pdf, start);
      const b = find(lo, start);
      assert.equal(row(lo, start), row(pdf, start), `${what}: the same grid line as in the PDF`);
      assert.ok(Math.abs(b.x0 - a.x0) < 1.5 && Math.abs(b.x1 - a.x1) < 1.5, `${what}: x ${b.x0.toFixed(1)}–${b.x1.toFixed(1)}, PDF ${a.x0.toFixed(1)}–${a.x1.toFixed(1)}`);
    }
    // The places themselves (GB/T 9704): one blank line before the 附件 and the 落款, 右空二字,
    // the date two characters right of the name's start, credits flush left.
    assert.equal(row(lo, '附件') - row(lo, '各单位'), 2);
    assert.equal(row(lo, '某某县') - row(lo, '2.检查'), 3, 'the 落款 one blank line under the wrapped attachment');
    assert.equal(row(lo, '二〇二四') - row(lo, '某某县'), 1);
    assert.ok(Math.abs(find(lo, '某某县').x1 - (right - 2 * cell)) < 1.5, 'the 落款 ends two characters in');
    assert.ok(Math.abs(find(lo, '二〇二四').x0 - (find(lo, '某某县').x0 + 2 * cell)) < 1.5, 'the date starts two characters right of the name');
    assert.ok(Math.abs(find(lo, '编辑').x0 - left) < 1.5, 'the credit is flush left');
    // 附件：1.… then 2.… under the 1. (7.3.4: later names line up under the first name), in both.
    for (const lines of [pdf, lo]) {
      assert.ok(Math.abs(find(lines, '2.检查').x0 - (find(lines, '附件').x0 + 3 * cell)) < 1.5, `2. under 1.: ${find(lines, '2.检查').x0.toFixed(1)} vs ${(find(lines, '附件').x0 + 3 * cell).toFixed(1)}`);
    }
    // A wrapped name goes on under its own first character, right of the 2. (7.3.4), in both.
    for (const lines of [pdf, lo]) {
      const second = find(lines, '2.检查');
      const next = lines[lines.indexOf(second) + 1]!;
      assert.ok(LONG_NAME.endsWith(next.text) && next.text.length > 2, `the name's second line: ${next.text}`);
      // "2." in Tinos/Times at 16 pt is 8 + 4 pt wide.
      assert.ok(Math.abs(next.x0 - (second.x0 + 12)) < 1, `under the name: ${next.x0.toFixed(1)} vs ${(second.x0 + 12).toFixed(1)}`);
    }
    assert.deepEqual(lo.map((l) => l.text).filter((t) => LONG_NAME.includes(t.slice(0, 4)) || t.startsWith('2.')), pdf.map((l) => l.text).filter((t) => LONG_NAME.includes(t.slice(0, 4)) || t.startsWith('2.')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
