/**
 * A tiny ordered XML tree over fast-xml-parser's `preserveOrder` output. Word's meaning lives in
 * element order (runs, tabs, field characters), so the object-per-tag shape is not usable here.
 */
import { XMLParser } from 'fast-xml-parser';

/** One XML element, or a text node when `name` is `#text`. */
export interface XmlNode {
  /** Qualified tag name as written (`w:p`), or `#text`. */
  name: string;
  /** Attributes by qualified name (`w:val`). */
  attrs: Record<string, string>;
  /** Child nodes in document order. */
  children: XmlNode[];
  /** Character data of a `#text` node. */
  text?: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Whitespace inside w:t is content; xml:space is honoured by the caller.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded below in one pass: the parser's own HTML-entity pass is twice as slow,
  // and without it numeric references (&#20108;) would stay undecoded.
  processEntities: false,
});

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

type Raw = Record<string, unknown>;

function convert(raw: Raw[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of raw) {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries((item[':@'] ?? {}) as Record<string, string>)) attrs[k] = decode(String(v));
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') out.push({ name: '#text', attrs: {}, children: [], text: decode(String(value)) });
      else out.push({ name: key, attrs, children: Array.isArray(value) ? convert(value as Raw[]) : [] });
    }
  }
  return out;
}

/** Parse an XML document into its top-level nodes; throws on malformed XML. */
export function parseXml(xml: string): XmlNode[] {
  return convert(parser.parse(xml) as Raw[]);
}

/** The first child element named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All child elements named `name`. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follow a path of child names, e.g. `path(doc, 'w:document', 'w:body')`. */
export function path(nodes: XmlNode[] | XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let cur: XmlNode | undefined = Array.isArray(nodes) ? { name: '', attrs: {}, children: nodes } : nodes;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** Every descendant element named `name`, in document order. */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode): void => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The `w:val` attribute of a child element (`<w:numId w:val="3"/>`). */
export function val(node: XmlNode | undefined, name: string): string | undefined {
  return child(node, name)?.attrs['w:val'];
}

/** Whether an OOXML on/off property is on: present without `w:val`, or with a true value. */
export function isOn(prop: XmlNode | undefined): boolean | undefined {
  if (!prop) return undefined;
  const v = prop.attrs['w:val'];
  return v === undefined || !['0', 'false', 'off', 'none'].includes(v);
}

/** Concatenated character data of all text nodes below `node`. */
export function textOf(node: XmlNode): string {
  if (node.name === '#text') return node.text ?? '';
  return node.children.map(textOf).join('');
}
