/**
 * Inline model nodes → looks: the run role, font role, size and weight of every piece of text,
 * decided once for both renderers. A run-in lead follows `preset.leadStyle` whatever its kind:
 * `role` sets a point (一是…) in the lead role and a run-in heading (（一）…。) in its depth's heading
 * role, `bold` sets both in the surrounding face made bold, `none` leaves both as the text around.
 * Reference: typesetting.md §2.2, §2.3.
 */
import type { Inline, Lead, Position } from '../model/types.ts';
import type { FontRole } from '../fonts/roles.ts';
import type { Preset } from './preset.ts';
import type { RunRole } from './types.ts';

/** The look of a piece of text, before faces are chosen per character. */
export interface Look {
  /** What the text is. */
  role: RunRole;
  /** Depth of a run-in heading. */
  depth?: 2 | 3 | 4;
  /** Inside emphasis. */
  emphasis: boolean;
  /** An unfilled blank. */
  placeholder: boolean;
  /** Font role. */
  fontRole: FontRole;
  /** Size in points. */
  sizePt: number;
  /** Printed bold. */
  bold: boolean;
}

/** A piece of text with its look, not yet split by face. */
export interface LookedText {
  /** The characters. */
  text: string;
  /** How they look. */
  look: Look;
  /** Source span of the node. */
  position?: Position;
}

/** The look of a block's own text. */
export function baseLook(fontRole: FontRole, sizePt: number, bold = false): Look {
  return { role: 'text', emphasis: false, placeholder: false, fontRole, sizePt, bold };
}

function leadLook(preset: Preset, lead: Lead, base: Look): Look {
  const depth = lead.kind === 'heading' ? (lead.depth ?? 2) : undefined;
  const look: Look = { ...base, role: depth ? 'runInHeading' : 'lead' };
  if (depth) look.depth = depth;
  switch (preset.leadStyle) {
    case 'none':
      return look;
    case 'bold':
      return { ...look, bold: true };
    case 'role':
      return depth
        ? { ...look, fontRole: preset.headingRoles[depth], bold: base.bold || preset.headingBold[depth] }
        : { ...look, fontRole: 'lead' };
  }
}

/** Flatten inline children into looked-at text, in reading order. */
export function inlineLooks(preset: Preset, nodes: readonly Inline[], look: Look, out: LookedText[] = []): LookedText[] {
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        out.push({ text: n.value, look, ...(n.position ? { position: n.position } : {}) });
        break;
      case 'placeholder':
        out.push({ text: n.value, look: { ...look, placeholder: true }, ...(n.position ? { position: n.position } : {}) });
        break;
      case 'emphasis':
        inlineLooks(preset, n.children, { ...look, emphasis: true, bold: true }, out);
        break;
      case 'lead':
        inlineLooks(preset, n.children, leadLook(preset, n, look), out);
        break;
      default:
        throw new Error(`[style] Cannot handle unknown inline node \`${(n as { type: string }).type}\``);
    }
  }
  return out;
}
