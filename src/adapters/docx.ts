/**
 * Every use of docx beyond its typed public API, in one place (tests/adapters/docx.test.ts and
 * tests/render-docx/serializer.test.ts fail when a docx release changes it): the package's parts,
 * without the zip, each part's XML written by our own serializer of docx's component tree.
 *
 * - `Packer.toBuffer` deflates every part only for our post-pass (render/docx/package-pass.ts) to
 *   edit them; docx's compiler, which `Packer` uses, gives the parts directly. `Packer`'s public
 *   `overrides` can add or replace whole parts but not edit the ones docx writes. Should a release
 *   drop the compiler, the public zip round trip gives the same parts (slower).
 * - docx writes a part in two passes: every component's `prepForXml` builds an object in the shape
 *   of the old `xml` package (a fresh array per element, an object per attribute set, built with
 *   babel's spread helpers, quadratically for `NextAttributeComponent`), then `stringifyXmlable`
 *   walks that object. That was ~55 % of the Word copy's time (warm, the 39 corpus texts), much of
 *   it for parts that do not depend on the speech (the theme, docx's built-in styles). `prepare`
 *   walks the component tree once and writes each element's XML string (`Written`) as those two
 *   passes would, quirks included (an element whose children are only attributes but came as a
 *   list is `<a x="1"></a>`; text is escaped like attributes; a control character is dropped).
 * - It does itself what docx's base classes and the overrides in EMULATED and BY_HASH do, each
 *   under the condition that its own work is the base one's (a paragraph without a hyperlink, a
 *   body of one section without page-number estimates…); any other component (a table, a colour
 *   attribute) or condition goes to docx's own `prepForXml` (`handBack`), and the object that
 *   returns is written the same way: slower, never different.
 * - Each emulation carries the hash of the docx source it was written against (`fingerprint`,
 *   normalised because dist/ inlines docx as esbuild prints it). A release that changes one of
 *   those methods leaves it to docx and fails the tests (`serializerStatus`).
 * - The compiler takes the serializer's XML through its formatter: `{ '': verbatim }` is what
 *   `stringifyXmlable` writes as it is (an element without a name, whose content is neither a
 *   string nor an object, is written with `String()`, unescaped). docx's own compiler is not
 *   touched: `fastCompiler` is a copy with another formatter.
 */
import {
  Body,
  Document as DocxDocument,
  Footer,
  Header,
  IgnoreIfEmptyXmlComponent,
  NextAttributeComponent,
  Packer,
  Paragraph,
  ParagraphProperties,
  Styles,
  TableOfContents,
  XmlAttributeComponent,
  XmlComponent,
  isXmlComponent,
} from 'docx';
import type { Document } from 'docx';
import { unzipSync } from 'fflate';

/** The internal docx uses in `Packer.pack` (not in its typings). */
interface Compiler {
  /** The package's files by path, in the order `Packer` zips them. */
  compile(doc: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array | ArrayBuffer>;
  /** What turns a component into the object `stringifyXmlable` writes. */
  formatter: { format(input: Component, context: Context): unknown };
}

/** docx's compiler, when this release has it where this adapter expects it. */
export function docxCompiler(): Compiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  return typeof compiler?.compile === 'function' && typeof compiler.formatter?.format === 'function' ? (compiler as Compiler) : undefined;
}

/** A component as the serializer sees it (docx's `BaseXmlComponent` and subclasses). */
interface Component {
  /** The element's name (`w:p`), or `_attr` for attributes. */
  rootKey: string;
  /** The children (components, text), or the attributes' values for an attribute component. */
  root: unknown;
  /** docx's serialization of the component into its object. */
  prepForXml(context: Context): unknown;
  /** The components written in its place (a bookmark's start, content and end). */
  writtenAs?: Component[];
  /** IgnoreIfEmptyXmlComponent: written even without children. */
  includeIfEmpty?: boolean;
  /** XmlAttributeComponent: the XML name of each attribute. */
  xmlKeys?: Record<string, string>;
  /** The fields of particular classes an emulation reads (a body's sections, a paragraph's numbering…). */
  [field: string]: unknown;
}

/** docx's serialization context. */
interface Context {
  /** The components above the one being written. */
  stack: unknown[];
  /** The file being compiled (its body's page-number option). */
  file?: { Document?: { View?: { Body?: { pageNumbers?: unknown } } } };
  /** The part being written and its relationships, and whatever else docx keeps there. */
  [field: string]: unknown;
}

/** A `prepForXml` method. */
type Prep = (this: Component, context: Context) => unknown;

/** docx's test for a component (an object with `prepForXml`, from this copy of docx or another). */
const isComponent = (v: unknown): v is Component => isXmlComponent(v);

/** docx's base `prepForXml`, which every element without an override of its own runs. */
const basePrep = (): Prep => XmlComponent.prototype.prepForXml as unknown as Prep;

/** An element already written, among the children of the element being written. */
class Written {
  constructor(
    /** Its XML. */
    readonly xml: string,
    /** Its name (what docx's post-passes read off its object). */
    readonly name: string,
  ) {}
}

/** docx's escapes (`escapeAll`): the five entities; other matched characters (C0 controls) are dropped. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPE_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** docx's `escapeValue` written out: strings escaped (control characters dropped), other values as `String` writes them. */
function value(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  return ESCAPE.test(v) ? v.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : v;
}

/** An attribute set as docx writes it: ` key="value"` each, in the object's order (`Object.entries`). */
function attributes(attrs: Record<string, unknown>): string {
  let out = '';
  for (const key in attrs) if (Object.prototype.hasOwnProperty.call(attrs, key)) out += ` ${key}="${value(attrs[key])}"`;
  return out;
}

/** One element from its name and the value docx's objects hold under it (`resolve` + `format` of docx's stringify, unindented). */
function element(name: string | undefined, values: unknown): string {
  let attrs = '';
  const content: string[] = [];
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) attrs += attributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const v of values) {
          if (typeof v === 'object') {
            if (v instanceof Written) content.push(v.xml);
            else if (Object.keys(v as object)[0] === '_attr') attrs += attributes((v as { _attr: Record<string, unknown> })._attr);
            else content.push(object(v as object));
          } else {
            content.pop();
            isStringContent = true;
            content.push(v === undefined ? '' : value(v));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(values === undefined ? '' : value(values));
  const open = (name ? `<${name}` : '') + attrs;
  if (content.length === 0) return `${open}/>`;
  return `${open}${name ? '>' : ''}${content.join('')}${name ? `</${name}>` : ''}`;
}

/** An object as docx's components return it (`{ name: values }`). */
function object(data: object): string {
  if (data instanceof Written) return data.xml;
  const name = Object.keys(data)[0];
  return element(name, name === undefined ? undefined : (data as Record<string, unknown>)[name]);
}

/**
 * The children docx's `XmlComponent.prepForXml` gives `c`, with the elements an emulation knows
 * written (`Written`); an element named `asObjects` is docx's own object, for a post-pass that
 * reads it (Styles reads each style's `w:name`).
 */
function childrenOf(c: Component, context: Context, asObjects?: string): unknown[] {
  context.stack.push(c);
  const children: unknown[] = [];
  for (const comp of c.root as unknown[]) {
    // As docx's flatMap: a part's result is one child, a component's (or a raw value's) list several.
    if (isComponent(comp) && comp.writtenAs) {
      for (const part of comp.writtenAs) {
        const v = prepare(part, context);
        if (v !== undefined) children.push(v);
      }
      continue;
    }
    const v = isComponent(comp) ? (comp.rootKey === asObjects ? comp.prepForXml(context) : prepare(comp, context)) : comp;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== undefined) children.push(x);
    } else if (v !== undefined) children.push(v);
  }
  context.stack.pop();
  return children;
}

/** docx's EMPTY_OBJECT: what an element without children holds. */
const EMPTY = Object.freeze({});

/** The value docx's base `prepForXml` puts under the element's name for these children. */
function valuesOf(children: unknown[]): unknown {
  if (children.length === 0) return EMPTY;
  return children.length === 1 && (children[0] as { _attr?: unknown } | undefined)?._attr ? children[0] : children;
}

/** docx's `XmlComponent.prepForXml`, writing the element instead of its object; undefined when `ignoreIfEmpty` and it has no children. */
function base(c: Component, context: Context, ignoreIfEmpty: boolean): Written | undefined {
  const children = childrenOf(c, context);
  if (children.length === 0 && ignoreIfEmpty) return undefined;
  return new Written(element(c.rootKey, valuesOf(children)), c.rootKey);
}

/** How the serializer does what one of docx's `prepForXml` methods does; `next` is the method that one calls as `super`, `own` docx's method itself. */
type Emulation = (c: Component, context: Context, next: Prep, own: Prep) => unknown;

/** A part that fills in page numbers after it is written does nothing more unless the body estimated them (`pageNumbers`). */
const filledPart: Emulation = (c, context, next, own) =>
  context.file?.Document?.View?.Body?.pageNumbers === undefined ? prepare(c, context, next) : handBack(c, context, own);

/** A part that puts its current children after its first before it is written: the values of `fields`, in order. */
const refilled =
  (...fields: string[]): Emulation =>
  (c, context, next) => {
    const root = c.root as unknown[];
    const items = fields.flatMap((f) => [...(c[f] as Iterable<unknown> | { values(): Iterable<unknown> } as { values(): Iterable<unknown> }).values()]);
    root.splice(1, root.length - 1, ...items);
    return prepare(c, context, next);
  };

/** One child of the styles part, as docx's Styles post-pass sees it. */
interface StyleChild {
  /** docx's `nameOf`: the element's name, `_attr` for attributes, undefined for text. */
  name: string | undefined;
  /** The value under that name in docx's object. */
  values: unknown;
  /** The child as it goes into the part, once known (a style is written when it is kept). */
  item?: unknown;
  /** Whether its object has attributes (docx's test for an attributes-only element). */
  hasAttr: boolean;
  /** One of docx's default TOC 1–9 styles. */
  toc: boolean;
}

function styleChild(v: unknown): StyleChild {
  if (v instanceof Written) return { name: v.name, values: undefined, item: v, hasAttr: false, toc: false };
  if (typeof v !== 'object' || v === null) return { name: undefined, values: undefined, item: v, hasAttr: false, toc: false };
  const name = Object.keys(v)[0];
  const values = name === undefined ? undefined : (v as Record<string, unknown>)[name];
  return { name, values, item: v, hasAttr: Boolean((v as { _attr?: unknown })._attr), toc: false };
}

const partsOf = (values: unknown): unknown[] => (Array.isArray(values) ? values : [values]);
const attrsOf = (ch: StyleChild): Record<string, unknown> | undefined =>
  (partsOf(ch.values).find((p) => (p as { _attr?: unknown })._attr) as { _attr: Record<string, unknown> } | undefined)?._attr;
const isParagraphStyle = (ch: StyleChild): boolean => ch.name === 'w:style' && (attrsOf(ch)?.['w:type'] ?? 'paragraph') === 'paragraph';
const styleIdOf = (ch: StyleChild): unknown => attrsOf(ch)?.['w:styleId'];
function styleNameOf(ch: StyleChild): string | undefined {
  const named = partsOf(ch.values).find((p) => typeof p === 'object' && p !== null && !(p instanceof Written) && Object.keys(p)[0] === 'w:name');
  const name = (named as { 'w:name'?: { _attr?: Record<string, unknown> } } | undefined)?.['w:name']?._attr?.['w:val'];
  return name === undefined ? undefined : String(name).toLowerCase();
}
function isDefaultParagraphStyle(ch: StyleChild): boolean {
  const a = isParagraphStyle(ch) ? attrsOf(ch) : undefined;
  return a?.['w:default'] !== undefined && !['0', 'false', 'off'].includes(String(a['w:default']));
}
const itemOf = (ch: StyleChild): unknown => (ch.item ??= new Written(element(ch.name, ch.values), ch.name ?? ''));
/** docx's `markedAsDefault`: the style with `w:default="1"` added to its attributes. */
const markedAsDefault = (ch: StyleChild): Written =>
  new Written(element('w:style', partsOf(ch.values).map((p) => ((p as { _attr?: object })._attr ? { _attr: { ...(p as { _attr: object })._attr, 'w:default': '1' } } : p))), 'w:style');

/** The source of `TableOfContentsStyle.prepForXml` (super, then marked as one of docx's default TOC styles, for Styles). */
const TOC_STYLE_HASH = 0xfec2cbbf;

/**
 * docx's Styles post-pass, on children written here: the last docDefaults and latentStyles, one
 * style per id (the last), a default TOC style dropped when another paragraph style has its name,
 * Normal marked as the default paragraph style when none is.
 */
const stylesPart: Emulation = (c, context, next, own) => {
  if (next !== basePrep()) return handBack(c, context, own);
  context.stack.push(c);
  const children: StyleChild[] = [];
  for (const comp of c.root as unknown[]) {
    if (!isComponent(comp)) {
      for (const x of Array.isArray(comp) ? comp : [comp]) if (x !== undefined) children.push(styleChild(x));
      continue;
    }
    // As docx's flatMap (childrenOf): a part's result is one child, a component's list several.
    for (const unit of comp.writtenAs ?? [comp]) {
      const method = unit.prepForXml;
      const e = method === basePrep() ? undefined : emulationOf(unit, method);
      // A default TOC style is its super's element (base), marked for this post-pass.
      const toc = e?.hash === TOC_STYLE_HASH && e.next === basePrep();
      if (method === basePrep() || toc) {
        children.push({ name: unit.rootKey, values: valuesOf(childrenOf(unit, context, 'w:name')), hasAttr: false, toc });
        continue;
      }
      const v = prepare(unit, context);
      for (const x of Array.isArray(v) && !comp.writtenAs ? v : [v]) if (x !== undefined) children.push(styleChild(x));
    }
  }
  context.stack.pop();
  if (children.length === 0) return new Written(`<${c.rootKey}/>`, c.rootKey);
  if (children.length === 1 && children[0]!.hasAttr) return new Written(element(c.rootKey, children[0]!.item), c.rootKey);
  const named = (name: string) => children.filter((ch) => ch.name === name);
  const ids = children.map((ch) => (ch.name === 'w:style' ? styleIdOf(ch) : undefined));
  const unique = children.filter(
    (ch, i) => !['_attr', 'w:docDefaults', 'w:latentStyles'].includes(ch.name as string) && (ids[i] === undefined || ids.lastIndexOf(ids[i]) === i),
  );
  const otherNames = new Set(unique.filter((ch) => isParagraphStyle(ch) && !ch.toc).map(styleNameOf));
  const kept = unique.filter((ch) => !ch.toc || !otherNames.has(styleNameOf(ch)));
  const hasDefault = kept.some(isDefaultParagraphStyle);
  const styles = kept.map((ch) => (!hasDefault && isParagraphStyle(ch) && styleIdOf(ch) === 'Normal' ? markedAsDefault(ch) : itemOf(ch)));
  const list = [...named('_attr'), ...named('w:docDefaults').slice(-1), ...named('w:latentStyles').slice(-1)].map(itemOf);
  return new Written(element(c.rootKey, [...list, ...styles]), c.rootKey);
};

/** Whether a paragraph has an external hyperlink (Paragraph's own work, left to docx). */
const hasHyperlink = (c: Component): boolean => (c.root as unknown[]).some((e) => isComponent(e) && e.rootKey === 'w:externalHyperlink');

/**
 * The first paragraph of a note (docx's `FirstNoteParagraph`): its paragraph's children with the
 * note's mark after the paragraph properties. Only for a paragraph the serializer writes itself.
 */
const firstNoteParagraph: Emulation = (c, context, _next, own) => {
  const paragraph = c.paragraph as Component;
  const e = emulationOf(paragraph, paragraph.prepForXml);
  if (e?.name !== 'Paragraph' || e.next !== basePrep() || hasHyperlink(paragraph)) return handBack(c, context, own);
  const content = valuesOf(childrenOf(paragraph, context));
  const children = Array.isArray(content) ? content : [];
  // docx tests `"w:pPr" in children[0]` on its object.
  const index = children.length > 0 && (children[0] instanceof Written ? children[0].name === 'w:pPr' : 'w:pPr' in (children[0] as object)) ? 1 : 0;
  const mark = prepare(c.mark as Component, context);
  return new Written(element('w:p', [...children.slice(0, index), mark, ...children.slice(index)]), 'w:p');
};

/** An emulation of one of docx's methods, with the hash of the source it was written against. */
interface Emulated {
  /** The class whose method it is (for the adapter test's messages). */
  name: string;
  /** FNV-1a of the method's source (`fingerprint`). */
  hash: number;
  /** What the serializer does instead. */
  emulate: Emulation;
}

/** The emulations of exported classes' methods, by the prototype that has them. */
const EMULATED: (Emulated & { owner: () => object })[] = [
  { name: 'XmlComponent', owner: () => XmlComponent.prototype, hash: 0x0ea75752, emulate: (c, ctx) => base(c, ctx, false) },
  {
    name: 'IgnoreIfEmptyXmlComponent',
    owner: () => IgnoreIfEmptyXmlComponent.prototype,
    hash: 0xe3a3a860,
    emulate: (c, ctx, next, own) => (next === basePrep() ? base(c, ctx, !c.includeIfEmpty) : handBack(c, ctx, own)),
  },
  {
    name: 'XmlAttributeComponent',
    owner: () => XmlAttributeComponent.prototype,
    hash: 0x05a4b53c,
    emulate: (c) => {
      const attrs: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(c.root as object)) if (v !== undefined) attrs[(c.xmlKeys && c.xmlKeys[key]) || key] = v;
      return { _attr: attrs };
    },
  },
  {
    // docx spreads the attributes into a new object per attribute; assigning gives the same object.
    name: 'NextAttributeComponent',
    owner: () => NextAttributeComponent.prototype,
    hash: 0x0dead626,
    emulate: (c) => {
      const attrs: Record<string, unknown> = {};
      for (const { key, value: v } of Object.values(c.root as Record<string, { key: string; value: unknown }>)) if (v !== undefined) attrs[key] = v;
      return { _attr: attrs };
    },
  },
  {
    // Its own work is for external hyperlinks, which the Word copy does not write.
    name: 'Paragraph',
    owner: () => Paragraph.prototype,
    hash: 0xe897159c,
    emulate: (c, ctx, next, own) => (hasHyperlink(c) ? handBack(c, ctx, own) : prepare(c, ctx, next)),
  },
  {
    // Its own work is for list numbering, which the Word copy does not use.
    name: 'ParagraphProperties',
    owner: () => ParagraphProperties.prototype,
    hash: 0x07474d3f,
    emulate: (c, ctx, next, own) => (c.numbering ? handBack(c, ctx, own) : prepare(c, ctx, next)),
  },
  {
    // One section, no page-number estimates, no table of contents: all it does then is move the
    // section's properties to the end of the body, as here.
    name: 'Body',
    owner: () => Body.prototype,
    hash: 0x223c6d56,
    emulate: (c, ctx, next, own) => {
      const root = c.root as unknown[];
      const sections = c.sections as unknown[];
      const simple =
        c.pageNumbers === undefined &&
        (c.sectionParagraphs as Map<unknown, unknown>).size === 0 &&
        sections.length <= 1 &&
        !root.some((e) => e instanceof TableOfContents);
      if (!simple) return handBack(c, ctx, own);
      if (sections.length === 1) {
        root.splice(0, 1);
        root.push(sections.pop());
      }
      return prepare(c, ctx, next);
    },
  },
  { name: 'Styles', owner: () => Styles.prototype, hash: 0x88d9c902, emulate: stylesPart },
];

/** The emulations of methods of classes docx does not export, recognised by their source's hash. */
const BY_HASH = new Map<number, Emulated>(
  (
    [
    // Headers and footers (with their relationship id), notes and comments (without).
    { name: 'Footer, Header', hash: 0xccccbbb1, emulate: filledPart },
    { name: 'FootNotes, Endnotes, Comments', hash: 0x4297177b, emulate: filledPart },
    { name: 'Numbering', hash: 0x7697df45, emulate: refilled('abstractNumberingMap', 'concreteNumberingMap') },
    { name: 'CustomProperties', hash: 0xa669392b, emulate: refilled('properties') },
    { name: 'FirstNoteParagraph', hash: 0xbcd8df11, emulate: firstNoteParagraph },
    // Outside the styles part (stylesPart knows it) it is left to docx.
    { name: 'TableOfContentsStyle', hash: TOC_STYLE_HASH, emulate: (c, ctx, _next, own) => handBack(c, ctx, own) },
    ] as Emulated[]
  ).map((e) => [e.hash, e]),
);

/**
 * FNV-1a of a function's source, to notice a docx release that changed a method this adapter
 * emulates. The source is normalised first, because dist/ inlines docx and esbuild prints it
 * again: comments and whitespace dropped, `{ a: a }` as `{ a }`, and the digits esbuild appends to
 * a name it renames (`element2`) dropped.
 */
export function fingerprint(f: Prep): number {
  const s = f
    .toString()
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/[^\n]*/g, '$1')
    .replace(/\b([A-Za-z_$][\w$]*?)\d+\b/g, '$1')
    .replace(/\b([A-Za-z_$][\w$]*)\s*:\s*\1\b/g, '$1')
    .replace(/\s+/g, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A method and the one it calls as `super` (the next in the prototype chain after its owner). */
interface Known extends Emulated {
  next: Prep;
}

/** The `super` of a method whose class has none above it (docx's attributes, its base): never called by their emulations. */
const noSuper: Prep = function (this: Component) {
  throw new Error(`[docx] ${this.rootKey}: no prepForXml above this one`);
};

/** What is known of each method met: its emulation, or null (left to docx). */
const known = new Map<Prep, Known | null>();

/** The emulation of `method` (found on `c` or its prototypes), learnt once per method. */
function emulationOf(c: object, method: Prep): Known | undefined {
  let k = known.get(method);
  if (k === undefined) {
    k = null;
    for (let p: object | null = c; p; p = Object.getPrototypeOf(p) as object | null) {
      if (!Object.prototype.hasOwnProperty.call(p, 'prepForXml') || (p as Component).prepForXml !== method) continue;
      const hash = fingerprint(method);
      const exported = EMULATED.find((e) => e.owner() === p);
      const e = exported ? (exported.hash === hash ? exported : undefined) : BY_HASH.get(hash);
      const next = (Object.getPrototypeOf(p) as Partial<Component> | null)?.prepForXml as Prep | undefined;
      if (e) k = { ...e, next: next ?? noSuper };
      break;
    }
    known.set(method, k);
  }
  return k ?? undefined;
}

/** Names of the components handed to docx's own `prepForXml` while `serializerFallbacks` watches. */
let fallbacks: Set<string> | undefined;

/** What `method` (by default the component's own) returns for `c`, with elements written (`Written`) where an emulation knows how. */
function prepare(c: Component, context: Context, method: Prep = c.prepForXml): unknown {
  const e = emulationOf(c, method);
  if (e) return e.emulate(c, context, e.next, method);
  return handBack(c, context, method);
}

/** docx's own `method` for `c` (noted while `serializerFallbacks` watches). */
function handBack(c: Component, context: Context, method: Prep): unknown {
  fallbacks?.add(`${(c.constructor as { name?: string }).name} <${c.rootKey}>`);
  return method.call(c, context);
}

const hex = (h: number): string => `0x${h.toString(16).padStart(8, '0')}`;

/**
 * For each emulated method: whether docx has the source it was written against, and the hash of
 * what it has (the adapter test, and the test of the bundled build in dist/, assert all match).
 * The classes docx does not export are looked for on a small document with a header, a footer and
 * notes: `methods` lists every `prepForXml` met there with its class and hash.
 */
export function serializerStatus(): { emulated: { name: string; matches: boolean; hash: string }[]; methods: string[] } {
  const emulated = EMULATED.map((e) => {
    const owner = e.owner();
    const own = Object.prototype.hasOwnProperty.call(owner, 'prepForXml') ? (owner as Component).prepForXml : undefined;
    const h = own ? fingerprint(own) : 0;
    return { name: e.name, matches: h === e.hash, hash: hex(h) };
  });
  const probe = new DocxDocument({
    sections: [{ headers: { default: new Header({ children: [] }) }, footers: { default: new Footer({ children: [] }) }, children: [] }],
  }) as unknown as ProbeFile;
  const met = new Map<number, string>();
  const walk = (c: unknown): void => {
    if (!isComponent(c)) return;
    for (let p: object | null = Object.getPrototypeOf(c) as object | null; p; p = Object.getPrototypeOf(p) as object | null) {
      if (Object.prototype.hasOwnProperty.call(p, 'prepForXml')) {
        met.set(fingerprint((p as Component).prepForXml), (p.constructor as { name?: string }).name ?? '?');
        break;
      }
    }
    if (Array.isArray(c.root)) for (const x of c.root) walk(x);
    for (const x of c.writtenAs ?? []) walk(x);
    if (isComponent(c.paragraph)) walk(c.paragraph);
  };
  for (const part of [probe.Styles, probe.Numbering, probe.CustomProperties, probe.Comments, probe.FootNotes.View, probe.Endnotes.View, probe.Headers[0]!.View, probe.Footers[0]!.View]) walk(part);
  for (const [hash, e] of BY_HASH) emulated.push({ name: e.name, matches: met.has(hash), hash: met.has(hash) ? hex(hash) : 'not met' });
  return { emulated, methods: [...met].map(([h, name]) => `${name} ${hex(h)}`).sort() };
}

/** The parts of a docx File the status probe walks. */
interface ProbeFile {
  Styles: unknown;
  Numbering: unknown;
  CustomProperties: unknown;
  Comments: unknown;
  FootNotes: { View: unknown };
  Endnotes: { View: unknown };
  Headers: { View: unknown }[];
  Footers: { View: unknown }[];
}

/** An element `stringifyXmlable` writes as it is: no name, and content that is neither a string nor an object is written with `String()`. */
function verbatim(xml: string): object {
  return { '': Object.assign(() => xml, { toString: () => xml }) };
}

/** A compiler like docx's whose formatter is the serializer (docx's own compiler is left as it is). */
function fastCompiler(compiler: Compiler): Compiler {
  const format = (input: Component, context: Context): unknown => {
    const out = prepare(input, context);
    if (!out) throw new Error('XMLComponent did not format correctly');
    return verbatim(Array.isArray(out) ? out.map((o) => object(o as object)).join('') : object(out as object));
  };
  return Object.assign(Object.create(Object.getPrototypeOf(compiler) as object) as Compiler, compiler, { formatter: { format } });
}

let fast: Compiler | undefined;

/** Whether the serializer's base case is there: without it nothing is written faster, and docx's own formatter is used. */
function serializerUsable(): boolean {
  return emulationOf(XmlComponent.prototype, basePrep())?.name === 'XmlComponent';
}

/**
 * The package's parts by path, as docx's compiler gives them: XML parts as strings, the rest as
 * bytes. `ownSerializer` false writes the XML with docx's own formatter (the adapter test
 * compares the two).
 */
export async function packageParts(doc: Document, ownSerializer = true): Promise<Record<string, string | Uint8Array>> {
  const compiler = docxCompiler();
  if (!compiler) return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const use = ownSerializer && serializerUsable() ? (fast ??= fastCompiler(compiler)) : compiler;
  const files: Record<string, string | Uint8Array> = {};
  for (const [path, data] of use.compile(doc, undefined, [])) {
    files[path] =
      typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return files;
}

/** The components of `doc` the serializer hands to docx's own `prepForXml` (class and element), for the adapter test. */
export async function serializerFallbacks(doc: Document): Promise<string[]> {
  fallbacks = new Set();
  try {
    await packageParts(doc);
    return [...fallbacks].sort();
  } finally {
    fallbacks = undefined;
  }
}
