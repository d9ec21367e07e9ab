/**
 * Footnotes and endnotes: a handout prints none, so each is dropped with a warning that quotes
 * it, letting the writer work it into the text if it matters.
 */
import { excerpt, type Finding } from './items.ts';
import { childrenNamed, path, textOf, type XmlNode } from './xml.ts';

/** Note text by id from the footnotes or endnotes part (`root` w:footnotes, `tag` w:footnote). */
export function notesLookup(part: XmlNode[] | undefined, root: string, tag: string): (id: string) => string {
  const byId = new Map<string, string>();
  for (const n of childrenNamed(path(part, root), tag)) {
    byId.set(n.attrs['w:id'] ?? '', childrenNamed(n, 'w:p').map(textOf).join(' ').trim());
  }
  return (id) => byId.get(id) ?? '';
}

/** The warning for a dropped note. */
export function noteDropped(kind: 'footnote' | 'endnote', id: string, text: string): Finding {
  return {
    severity: 'warning',
    ruleId: 'docx/footnote',
    message: `${kind === 'footnote' ? '脚注' : '尾注'} ${id}「${excerpt(text, 30)}」已略去（讲话稿印发件不含注释）`,
    hint: '如需印出，请把注释内容写入正文',
  };
}
