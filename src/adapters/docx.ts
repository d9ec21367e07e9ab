/**
 * Every use of docx beyond its typed public API, in one place (tests/adapters/docx.test.ts fails
 * when a docx release changes it): the package as files, without the zip, each part's XML written
 * by our own serializer of docx's component tree.
 *
 * - `Packer.toBuffer` deflates every part only for our post-pass (render/docx/package-pass.ts) to
 *   edit them; docx's compiler, which `Packer` uses, gives the parts directly. `Packer`'s public
 *   `overrides` can add or replace whole parts but not edit the ones docx writes. Should a release
 *   drop the compiler, the public zip round trip gives the same parts (slower).
 * - docx writes a part in two passes: every component's `prepForXml` builds an object in the shape
 *   of the old `xml` package (a fresh array per element, an object per attribute set, built with
 *   babel's spread helpers, quadratically for `NextAttributeComponent`), then `stringifyXmlable`
 *   walks that object. That was ~60 % of the Word copy's time, most of it for parts that do not
 *   depend on the speech (the theme, docx's built-in styles). `writeComponent` walks the
 *   component tree once and writes the XML strings directly, exactly as the two passes would
 *   (quirks included: an element whose only children are attributes but which came as a list is
 *   written `<a x="1"></a>`, text is escaped like attributes). It writes directly what the base
 *   classes and the overrides listed in EMULATED do; any other component (a table, a field, the
 *   styles part) is handed to docx's own `prepForXml` and the object it returns is written the
 *   same way, so an unknown component is slower, never different.
 * - EMULATED holds the overrides whose work this serializer repeats: each with the source of
 *   docx's method it was written against (a fingerprint). A docx release that changes one of
 *   them leaves that class to docx's own `prepForXml` (right, slower) and fails the adapter test.
 * - The compiler takes the serializer's XML through its formatter: `{ '': verbatim }` is what
 *   `stringifyXmlable` writes as it is (an element without a name, whose content is not a string
 *   or an object, is written with `String()`, unescaped). The adapter test compares every part
 *   against docx's own compiler for a document using every component the Word copy writes.
 */
import {
  Body,
  IgnoreIfEmptyXmlComponent,
  NextAttributeComponent,
  Packer,
  Paragraph,
  ParagraphProperties,
  TableOfContents,
  XmlAttributeComponent,
  XmlComponent,
  isXmlComponent,
  type Document,
} from 'docx';
import { unzipSync } from 'fflate';

/** The internal docx uses in `Packer.pack` (not in its typings). */
interface Compiler {
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
  rootKey: string;
  root: unknown;
  prepForXml(context: Context): unknown;
  writtenAs?: Component[];
  includeIfEmpty?: boolean;
  xmlKeys?: Record<string, string>;
  [field: string]: unknown;
}

/** docx's serialization context: the part being written, the file, the components above. */
interface Context {
  stack: unknown[];
  file?: { Document?: { View?: { Body?: { pageNumbers?: unknown } } } };
  [field: string]: unknown;
}

type Prep = (this: Component, context: Context) => unknown;

/** docx's test for a component (an object with `prepForXml`, from this copy of docx or another). */
const isComponent = (v: unknown): v is Component => isXmlComponent(v);

/** docx's base `prepForXml`, which every element without an override of its own runs. */
const basePrep = (): Prep => XmlComponent.prototype.prepForXml as unknown as Prep;

/** An element already written, among the children of the element being written. */
class Written {
  constructor(readonly xml: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPE_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

/** docx's `escapeValue` written out: strings escaped (control characters dropped), other values as `String` writes them. */
function value(v: unknown): string {
  if (typeof v !== 'string') return String(v);
  return ESCAPE.test(v) ? v.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : v;
}

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

/** docx's `XmlComponent.prepForXml`, writing the element instead of its object; undefined when `ignoreIfEmpty` and it has no children. */
function base(c: Component, context: Context, ignoreIfEmpty: boolean): Written | object | undefined {
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
    const v = isComponent(comp) ? prepare(comp, context) : comp;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== undefined) children.push(x);
    } else if (v !== undefined) children.push(v);
  }
  context.stack.pop();
  if (children.length === 0) return ignoreIfEmpty ? undefined : new Written(`<${c.rootKey}/>`);
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | undefined) : undefined;
  return new Written(element(c.rootKey, only?._attr ? only : children));
}

/** How the serializer does what one of docx's `prepForXml` methods does; `next` is the method that one calls as `super`, `own` docx's method itself. */
type Emulation = (c: Component, context: Context, next: Prep, own: Prep) => unknown;

/** A part that fills in page numbers after it is written does nothing more unless the body estimated them (`pageNumbers`). */
const filledPart: Emulation = (c, context, next, own) =>
  context.file?.Document?.View?.Body?.pageNumbers === undefined ? prepare(c, context, next) : own.call(c, context);

/**
 * The methods emulated, by the prototype that has them, with the FNV-1a hash of docx's source
 * they were written against (`fingerprint`). The part classes (footer, header, notes, comments)
 * are not exported: they are found on the file being compiled (`partMethods`).
 */
const EMULATED: { name: string; owner: () => object; hash: number; emulate: Emulation }[] = [
  { name: 'XmlComponent', owner: () => XmlComponent.prototype, hash: 0x0ae07906, emulate: (c, ctx) => base(c, ctx, false) },
  {
    name: 'IgnoreIfEmptyXmlComponent',
    owner: () => IgnoreIfEmptyXmlComponent.prototype,
    hash: 0xe523ebcb,
    emulate: (c, ctx, next, own) => (next === basePrep() ? base(c, ctx, !c.includeIfEmpty) : own.call(c, ctx)),
  },
  {
    name: 'XmlAttributeComponent',
    owner: () => XmlAttributeComponent.prototype,
    hash: 0x68779485,
    emulate: (c) => {
      const attrs: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(c.root as object)) if (v !== undefined) attrs[(c.xmlKeys && c.xmlKeys[key]) || key] = v;
      return { _attr: attrs };
    },
  },
  {
    name: 'NextAttributeComponent',
    owner: () => NextAttributeComponent.prototype,
    hash: 0xb4c84653,
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
    hash: 0xfcb31db9,
    emulate: (c, ctx, next, own) =>
      (c.root as unknown[]).some((e) => isComponent(e) && e.rootKey === 'w:externalHyperlink') ? own.call(c, ctx) : prepare(c, ctx, next),
  },
  {
    // Its own work is for list numbering, which the Word copy does not use.
    name: 'ParagraphProperties',
    owner: () => ParagraphProperties.prototype,
    hash: 0x33975fa1,
    emulate: (c, ctx, next, own) => (c.numbering ? own.call(c, ctx) : prepare(c, ctx, next)),
  },
  {
    // One section, no page-number estimates, no table of contents: all it does then is move the
    // section's properties to the end of the body, as here.
    name: 'Body',
    owner: () => Body.prototype,
    hash: 0xcb96747f,
    emulate: (c, ctx, next, own) => {
      const root = c.root as unknown[];
      const sections = c.sections as unknown[];
      const simple =
        c.pageNumbers === undefined &&
        (c.sectionParagraphs as Map<unknown, unknown>).size === 0 &&
        sections.length <= 1 &&
        !root.some((e) => e instanceof TableOfContents);
      if (!simple) return own.call(c, ctx);
      if (sections.length === 1) {
        root.splice(0, 1);
        root.push(sections.pop());
      }
      return prepare(c, ctx, next);
    },
  },
];

/** The sources of the part classes' `prepForXml` (`filledPart`): with the part's relationship id (headers, footers) and without (notes, comments). */
const PART_HASHES = [0x39ba41f2, 0xfdb44b7c];

/** FNV-1a of a function's source, to notice a docx release that changed a method this adapter emulates. */
export function fingerprint(f: Prep): number {
  const s = f.toString();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The method a prototype has as its own, and the one it calls as `super`. */
function ownAndNext(owner: object): { own: Prep; next: Prep } | undefined {
  const own = Object.prototype.hasOwnProperty.call(owner, 'prepForXml') ? (owner as Component).prepForXml : undefined;
  const next = (Object.getPrototypeOf(owner) as Partial<Component> | null)?.prepForXml;
  return typeof own === 'function' ? { own, next: (next ?? own) as Prep } : undefined;
}

/** The emulations whose docx method still has the source they were written against, by method. */
const emulations = new Map<Prep, { emulate: Emulation; next: Prep }>();
let emulationsReady = false;

function addEmulation(owner: object, hash: number, emulate: Emulation): boolean {
  const m = ownAndNext(owner);
  if (!m || fingerprint(m.own) !== hash) return false;
  emulations.set(m.own, { emulate, next: m.next });
  return true;
}

/** For each emulated class: whether docx still has the method it was written against, and the hash it has (the adapter test asserts all match). */
export function emulationStatus(): { name: string; matches: boolean; hash: string }[] {
  return EMULATED.map((e) => {
    const m = ownAndNext(e.owner());
    const h = m ? fingerprint(m.own) : 0;
    return { name: e.name, matches: h === e.hash, hash: `0x${h.toString(16).padStart(8, '0')}` };
  });
}

/** The prototypes of the file's part components that own their `prepForXml` (footers, headers, notes, comments). */
function partOwners(file: FileParts): object[] {
  const views = [file.FootNotes?.View, file.Endnotes?.View, file.Comments, ...(file.Headers ?? []).map((h) => h.View), ...(file.Footers ?? []).map((f) => f.View)];
  const owners = new Set<object>();
  for (const v of views) {
    for (let p = v ? (Object.getPrototypeOf(v) as object | null) : null; p; p = Object.getPrototypeOf(p) as object | null) {
      if (Object.prototype.hasOwnProperty.call(p, 'prepForXml')) {
        owners.add(p);
        break;
      }
    }
  }
  return [...owners];
}

/** The file's parts as the compiler reads them. */
interface FileParts {
  FootNotes?: { View?: object };
  Endnotes?: { View?: object };
  Comments?: object;
  Headers?: { View: object }[];
  Footers?: { View: object }[];
}

/** Partial part-class status, for the adapter test: every part class of `file` has a known source. */
export function partStatus(doc: Document): { matches: boolean; hash: string }[] {
  return partOwners(doc as unknown as FileParts).map((o) => {
    const h = fingerprint(ownAndNext(o)!.own);
    return { matches: PART_HASHES.includes(h), hash: `0x${h.toString(16).padStart(8, '0')}` };
  });
}

function prepareEmulations(file: FileParts): void {
  if (!emulationsReady) {
    for (const e of EMULATED) addEmulation(e.owner(), e.hash, e.emulate);
    emulationsReady = true;
  }
  for (const owner of partOwners(file)) {
    const m = ownAndNext(owner);
    if (m && !emulations.has(m.own) && PART_HASHES.includes(fingerprint(m.own))) emulations.set(m.own, { emulate: filledPart, next: m.next });
  }
}

/** What `method` (by default the component's own) returns for `c`, with elements written (`Written`) where an emulation knows how. */
function prepare(c: Component, context: Context, method: Prep = c.prepForXml): unknown {
  const e = emulations.get(method);
  return e ? e.emulate(c, context, e.next, method) : method.call(c, context);
}

/** Whether the serializer's base case is there: without it nothing is written faster, and docx's own formatter is used. */
function serializerUsable(): boolean {
  return emulations.has(basePrep());
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

/**
 * The package's parts by path, as docx's compiler gives them: XML parts as strings, the rest as
 * bytes. `ownSerializer` false writes the XML with docx's own formatter (the adapter test
 * compares the two).
 */
export async function packageParts(doc: Document, ownSerializer = true): Promise<Record<string, string | Uint8Array>> {
  const compiler = docxCompiler();
  if (!compiler) return unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  let use = compiler;
  if (ownSerializer) {
    prepareEmulations(doc as unknown as FileParts);
    if (serializerUsable()) use = fast ??= fastCompiler(compiler);
  }
  const files: Record<string, string | Uint8Array> = {};
  for (const [path, data] of use.compile(doc, undefined, [])) {
    files[path] =
      typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return files;
}

/** The package's parts by path; strings are UTF-8 encoded. */
export async function packageFiles(doc: Document, ownSerializer = true): Promise<Record<string, Uint8Array>> {
  const encoder = new TextEncoder();
  const parts = await packageParts(doc, ownSerializer);
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of Object.entries(parts)) files[path] = typeof data === 'string' ? encoder.encode(data) : data;
  return files;
}
