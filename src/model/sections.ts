/** A nesting view over the flat block list: each heading owns the blocks up to the next heading of the same or a lower depth. */
import type { Block, Heading, Speech } from './types.ts';

/** One heading and what belongs to it. */
export interface Section {
  /** The heading that opens the section; undefined for the preamble before the first heading. */
  heading: Heading | undefined;
  /** Non-heading blocks directly under this heading, before any subsection. */
  blocks: Block[];
  /** Sections of deeper headings nested inside. */
  children: Section[];
}

/** The speech as a section tree; the root section (heading undefined) holds the preamble. */
export function sections(speech: Speech): Section {
  const root: Section = { heading: undefined, blocks: [], children: [] };
  const stack: Array<{ depth: number; section: Section }> = [{ depth: 0, section: root }];
  for (const block of speech.children) {
    if (block.type === 'heading') {
      while (stack.length > 1 && stack[stack.length - 1]!.depth >= block.depth) stack.pop();
      const section: Section = { heading: block, blocks: [], children: [] };
      stack[stack.length - 1]!.section.children.push(section);
      stack.push({ depth: block.depth, section });
    } else {
      const top = stack[stack.length - 1]!.section;
      // Blocks after a subsection still belong to the innermost open section.
      top.blocks.push(block);
    }
  }
  return root;
}
