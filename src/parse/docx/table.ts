/**
 * A Word table → rows of cell text. The speech model has no merged cells: a merged cell keeps its
 * text in its first grid cell and the cells it covered are empty. A table nested in a cell is
 * flattened to text, with a warning.
 */
import type { ReadContext } from './context.ts';
import { isSpace, type CellItem, type Finding, type Item, type TableItem } from './items.ts';
import { child, childrenNamed, isOn, type XmlNode } from './xml.ts';

/** Rows and cells may be wrapped in content controls or custom XML; unwrap them. */
function unwrap(nodes: XmlNode[], name: string): XmlNode[] {
  return nodes.flatMap((n) => {
    if (n.name === name) return [n];
    if (n.name === 'w:sdt') return unwrap(child(n, 'w:sdtContent')?.children ?? [], name);
    if (n.name === 'w:customXml') return unwrap(n.children, name);
    return [];
  });
}

function itemText(item: Item): string {
  if (item.kind === 'paragraph') return item.chars.join('');
  return item.rows.map((r) => r.map((c) => c.text).filter(Boolean).join(' ')).filter(Boolean).join(' ');
}

function readCell(tc: XmlNode, ctx: ReadContext, findings: Finding[]): CellItem {
  const items = ctx.readBlocks(tc.children);
  let allBold = true;
  let visible = 0;
  for (const item of items) {
    findings.push(...item.findings);
    if (item.kind === 'table') {
      findings.push({ severity: 'warning', ruleId: 'docx/nested-table', message: '表格单元格中的嵌套表格已展平为文字' });
      allBold = false;
      continue;
    }
    item.chars.forEach((ch, i) => {
      if (isSpace(ch)) return;
      visible++;
      if (!item.bold[i]) allBold = false;
    });
  }
  // Paragraphs of one cell read as one line; a space keeps names in a list apart.
  const text = items.map(itemText).filter((t) => t !== '').join(' ');
  return { text, allBold: allBold && visible > 0 };
}

/** Read a `w:tbl`. */
export function readTable(tbl: XmlNode, ctx: ReadContext): TableItem {
  const findings: Finding[] = [];
  // A row deleted with tracked changes on is gone once the changes are accepted.
  const trs = unwrap(tbl.children, 'w:tr').filter((tr) => !child(child(tr, 'w:trPr'), 'w:del'));
  // A cell spanning n grid columns is followed by n-1 empty cells, so every row keeps the grid.
  const rows = trs.map((tr) => unwrap(tr.children, 'w:tc').flatMap((tc) => {
    const span = Math.min(64, Math.max(1, Number(childrenNamed(child(tc, 'w:tcPr'), 'w:gridSpan')[0]?.attrs['w:val'] ?? 1) || 1));
    const empty: CellItem = { text: '', allBold: false };
    return [readCell(tc, ctx, findings), ...Array.from({ length: span - 1 }, () => ({ ...empty }))];
  }));
  const headerMarked = isOn(child(child(trs[0], 'w:trPr'), 'w:tblHeader')) ?? false;
  const merged = trs.some((tr) => unwrap(tr.children, 'w:tc').some((tc) => {
    const tcPr = child(tc, 'w:tcPr');
    return Number(childrenNamed(tcPr, 'w:gridSpan')[0]?.attrs['w:val'] ?? 1) > 1 || child(tcPr, 'w:vMerge') !== undefined;
  }));
  if (merged) {
    findings.push({ severity: 'info', ruleId: 'docx/merged-cells', message: '合并单元格已拆开：文字留在第一个单元格，其余为空' });
  }
  return { kind: 'table', rows, headerMarked, findings };
}
