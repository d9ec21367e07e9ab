/**
 * Bookmarks: the layout's flat heading list nested by depth and added to pdfkit's outline.
 * pdfkit can only point an item at a whole page (`fit`) or at a wrongly computed left edge, so
 * each destination is rewritten to `/XYZ null top null`: jump to the heading, keep zoom and x.
 */
import { outlineRoot, pageRefs, type OutlineItem } from '../../adapters/pdfkit.ts';
import type { OutlineEntry } from '../../layout/types.ts';

/** A bookmark with its children, in document order. */
export interface OutlineNode {
  /** The heading this bookmark points at. */
  entry: OutlineEntry;
  /** Deeper headings that follow it before the next heading of its depth or shallower. */
  children: OutlineNode[];
}

/**
 * Nest a flat outline: each entry goes under the nearest preceding entry of smaller depth, so a
 * skipped level (a depth 3 right after a depth 1) still nests, and a leading depth 2 stays at the top.
 */
export function nestOutline(entries: readonly OutlineEntry[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const entry of entries) {
    const node: OutlineNode = { entry, children: [] };
    while (stack.length > 0 && stack[stack.length - 1]!.entry.depth >= entry.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Number of bookmarks below these nodes, all levels (every item is open, so all are visible). */
function descendants(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + descendants(node.children), 0);
}

/**
 * Add the bookmarks to a pdfkit document after every page exists (pages are addressed by index
 * into the page tree). `pageHeightPt` turns the layout's top-down y into PDF's bottom-up y.
 */
export function addOutline(
  pdf: PDFKit.PDFDocument,
  entries: readonly OutlineEntry[],
  pageCount: number,
  pageHeightPt: number,
): void {
  if (pageCount === 0) return;
  const refs = pageRefs(pdf);
  // pdfkit's `expanded` counts direct children only; /Count of an open item is all visible
  // descendants, so it is set here and pdfkit's left off.
  const add = (parent: OutlineItem, nodes: OutlineNode[]) => {
    for (const { entry, children } of nodes) {
      const pageIndex = Math.min(Math.max(entry.pageIndex, 0), pageCount - 1);
      const item = parent.addItem(entry.title, { fit: true, pageNumber: pageIndex });
      const top = Math.round((pageHeightPt - entry.topPt) * 100) / 100;
      item.outlineData.Dest = [refs[pageIndex], 'XYZ', null, top, null];
      if (children.length > 0) item.outlineData.Count = descendants(children);
      add(item, children);
    }
  };
  const roots = nestOutline(entries);
  const root = outlineRoot(pdf);
  if (roots.length > 0) root.outlineData.Count = descendants(roots);
  add(root, roots);
}
