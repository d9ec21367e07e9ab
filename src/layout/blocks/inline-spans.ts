/**
 * Inline nodes → styled spans: text in the block's style, emphasis made bold, placeholders flagged,
 * run-in leads in the lead role (or bold, or plain, per `preset.leadStyle`); a run-in heading lead
 * (（一）…。) takes its heading depth's role.
 * Reference: typesetting.md §2.2 (一是… leads), §2.3.
 */
import type { Inline, Lead } from '../../model/types.ts';
import type { LayoutContext } from '../context.ts';
import type { StyledSpan, TextStyle } from '../text/segment.ts';

function leadStyle(ctx: LayoutContext, lead: Lead, base: TextStyle): TextStyle {
  const p = ctx.preset;
  if (p.leadStyle === 'none') return base;
  if (p.leadStyle === 'bold') return { ...base, fauxBold: true };
  if (lead.kind === 'heading') {
    const depth = lead.depth ?? 2;
    return { ...base, role: p.headingRoles[depth], fauxBold: base.fauxBold || p.headingBold[depth] };
  }
  return { ...base, role: 'lead' };
}

/** Flatten inline children into styled spans. */
export function inlineSpans(ctx: LayoutContext, children: readonly Inline[], base: TextStyle, out: StyledSpan[] = []): StyledSpan[] {
  for (const node of children) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value, style: base, position: node.position });
        break;
      case 'placeholder':
        out.push({ text: node.value, style: { ...base, placeholder: true }, position: node.position });
        break;
      case 'emphasis':
        inlineSpans(ctx, node.children, { ...base, fauxBold: true }, out);
        break;
      case 'lead':
        inlineSpans(ctx, node.children, leadStyle(ctx, node, base), out);
        break;
      default:
        throw new Error(`[layout] Cannot handle unknown inline node \`${(node as { type: string }).type}\``);
    }
  }
  return out;
}

/** The plain text of inline children (for outline titles). */
export function inlineText(children: readonly Inline[]): string {
  return children.map((n) => (n.type === 'text' || n.type === 'placeholder' ? n.value : inlineText(n.children))).join('');
}
