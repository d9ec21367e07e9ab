/**
 * The style stage: speech model + preset + fonts → StyledSpeech. Which blocks print and in what
 * order, each block's role, tag, alignment, indent and size, the exact printed text, and each run's
 * look and drawing face are settled here once; layout (PDF), the DOCX renderer and the coverage
 * report read the result. Missing glyphs and fallback faces are reported here, once.
 * Reference: GB/T 9704-2012 7.3; typesetting.md §1.3, §2.
 */
import type { Block, Speech } from '../model/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Preset } from './preset.ts';
import type { FaceLookup, Styled, StyledBlock, StyledSpeech, StyledTableBlock, StyledTextBlock } from './types.ts';
import { baseLook, inlineLooks } from './looks.ts';
import { inlineText } from '../model/to-plain-text.ts';
import { FacePicker, splitByFace } from './faces.ts';
import { addresseeBlock, closingBlocks, issuedTitleBlock, titleBlock } from './title-block.ts';
import { coverageDiagnostics } from './coverage.ts';

function bodyBlock(preset: Preset, block: Block, node: number, faces: FacePicker): StyledBlock {
  const p = preset;
  const at = block.position ? { source: block.position } : {};
  switch (block.type) {
    case 'heading': {
      const look = baseLook(p.headingRoles[block.depth], p.headingSizePt, p.headingBold[block.depth]);
      // 第X章 is centred by GB practice; every other heading is indented like the body.
      const chapter = block.kind === 'chapter';
      const pieces = block.marker ? [{ text: block.marker, look: { ...look, role: 'marker' as const }, ...(block.position ? { position: block.position } : {}) }] : [];
      const runs = splitByFace(inlineLooks(p, block.children, look, pieces), faces);
      return {
        type: 'text', role: 'heading', tag: `H${block.depth}`, depth: block.depth, node, ...at, align: chapter ? 'center' : 'justify',
        indentChars: chapter ? 0 : p.firstLineIndentChars, fontRole: look.fontRole, sizePt: look.sizePt, blankLinesBefore: 0,
        outline: block.marker + inlineText(block.children), runs,
      };
    }
    case 'paragraph':
    case 'salutation': {
      const look = baseLook('body', p.bodySizePt);
      const para = block.type === 'paragraph';
      return {
        type: 'text', role: para ? 'paragraph' : 'salutation', tag: 'P', node, ...at, align: 'justify',
        indentChars: para ? p.firstLineIndentChars : 0, fontRole: 'body', sizePt: p.bodySizePt, blankLinesBefore: 0,
        runs: splitByFace(inlineLooks(p, block.children, look), faces),
      };
    }
    case 'table': {
      const look = baseLook('body', p.bodySizePt);
      const table: StyledTableBlock = {
        type: 'table', role: 'table', tag: 'Table', node, ...at, sizePt: p.bodySizePt, blankLinesBefore: 0,
        columns: Math.max(1, ...block.children.map((r) => r.children.length)),
        rows: block.children.map((row, i) => ({
          header: block.header && i === 0,
          cells: row.children.map((cell) => ({
            // The header row is bold in both outputs (the Word copy's Table Header style).
            runs: splitByFace(inlineLooks(p, cell.children, block.header && i === 0 ? baseLook('body', p.bodySizePt, true) : look), faces),
            ...(cell.position ? { source: cell.position } : {}),
          })),
        })),
      };
      return table;
    }
    default:
      throw new Error(`[style] Cannot handle unknown block \`${(block as { type: string }).type}\``);
  }
}

function credits(speech: Speech, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  if (!preset.printCredits) return [];
  return speech.meta.credits.map((c, i): StyledTextBlock => ({
    type: 'text', role: 'credit', tag: 'P', ...(c.position ? { source: c.position } : {}), align: 'justify',
    indentChars: 0, fontRole: 'body', sizePt: preset.bodySizePt, blankLinesBefore: i === 0 ? 1 : 0,
    runs: splitByFace([{ text: `${c.label}：${c.value}`, look: baseLook('body', preset.bodySizePt), ...(c.position ? { position: c.position } : {}) }], faces),
  }));
}

function facesUsed(blocks: readonly StyledBlock[]): string[] {
  const used = new Set<string>();
  for (const b of blocks) {
    const runs = b.type === 'text' ? b.runs : b.rows.flatMap((r) => r.cells.flatMap((c) => c.runs));
    for (const r of runs) used.add(r.faceKey);
  }
  return [...used].sort();
}

/** Settle how every part of a speech is printed. */
export function styleSpeech(speech: Speech, preset: Preset, fonts: FaceLookup): Styled {
  const faces = new FacePicker(fonts);
  const blocks: StyledBlock[] = titleBlock(speech.meta, preset, faces);
  // One blank grid line between the title block and whatever follows it; one before the credits.
  // An order's head (issuer, 令号) stands two blank lines above its text (GB/T 9704-2012 10.2).
  let blank = blocks.length > 0 ? (speech.meta.furniture?.titleAfterClosing ? 2 : 1) : 0;
  for (const a of addresseeBlock(speech.meta, preset, faces)) {
    a.blankLinesBefore += blank;
    blank = 0;
    blocks.push(a);
  }
  // 附件说明 and 落款 close the text they sign: the whole body, or the part before the document a
  // notice or an order issues (meta.furniture.closesAt), which follows them with an order's title.
  const closesAt = Math.min(speech.meta.furniture?.closesAt ?? speech.children.length, speech.children.length);
  const close = (mid: boolean): void => {
    const closing = closingBlocks(speech.meta, preset, faces);
    if (closing[0]) closing[0].blankLinesBefore = Math.max(closing[0].blankLinesBefore, blank);
    if (closing.length > 0) blank = 0;
    blocks.push(...closing);
    // One blank grid line between the 落款 and the document that follows it, and under its title.
    const issued = issuedTitleBlock(speech.meta, preset, faces);
    blocks.push(...issued);
    if (mid && (closing.length > 0 || issued.length > 0)) blank = 1;
  };
  speech.children.forEach((b, i) => {
    if (i === closesAt) close(true);
    const styled = bodyBlock(preset, b, i, faces);
    styled.blankLinesBefore += blank;
    blank = 0;
    blocks.push(styled);
  });
  if (closesAt === speech.children.length) close(false);
  const tail = credits(speech, preset, faces);
  if (tail[0]) tail[0].blankLinesBefore += blank;
  blocks.push(...tail);
  const value: StyledSpeech = { meta: speech.meta, preset, blocks, facesUsed: facesUsed(blocks), missing: faces.missing };
  const diagnostics: Diagnostic[] = coverageDiagnostics(value, fonts);
  return { value, diagnostics };
}
