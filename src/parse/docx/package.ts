/**
 * Opening a .docx package: unzip, then find the main document and its related parts through the
 * relationship files rather than by fixed names (some writers use `word/document2.xml`).
 * Unzipping is bounded: the part count and the uncompressed size of the XML read are limited, and
 * each part is inflated with node's zlib capped at what is left of the budget and at the size the
 * zip declares, so a zip bomb stops at the limit instead of filling memory.
 */
import { inflateRawSync } from 'node:zlib';
import { strFromU8 } from 'fflate';
import { childrenNamed, parseXml, path, type XmlNode } from './xml.ts';

/** Limits on what a package may make us unpack. */
export interface PackageLimits {
  /** Most uncompressed bytes of XML parts read from one package. */
  maxInflatedBytes: number;
  /** Most entries one package may hold. */
  maxParts: number;
}

/** Defaults: the same as the build options' (src/config/options.ts). */
export const DEFAULT_PACKAGE_LIMITS: PackageLimits = { maxInflatedBytes: 50 * 1024 * 1024, maxParts: 10_000 };

/** An entry of the zip's central directory. */
export interface ZipEntry {
  /** Entry name. */
  name: string;
  /** Compression method (0 stored, 8 deflate). */
  method: number;
  /** Compressed size in bytes. */
  compressedSize: number;
  /** Uncompressed size the zip declares. */
  size: number;
  /** Offset of the local header. */
  offset: number;
}

/** Which limit a package broke, for the finding. */
export class PackageLimitError extends Error {
  /** `maxInflatedBytes` or `maxParts`. */
  readonly limit: keyof PackageLimits;
  constructor(limit: keyof PackageLimits, message: string) {
    super(message);
    this.limit = limit;
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** The central directory of a zip; throws on anything that is not a readable zip. */
export function zipEntries(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('找不到 zip 目录');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('ZIP64 包，Word 文档不会这样保存');
  // The entry count alone tells a part bomb: refuse before reading a single name.
  if (count > limits.maxParts) {
    throw new PackageLimitError('maxParts', `压缩包含 ${count} 个部件，超过上限 ${limits.maxParts} 个（配置项 maxParts 可调高）`);
  }
  if (at + dirSize > bytes.length) throw new Error('zip 目录越界');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('zip 目录已损坏');
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry, never more than `cap` (nor than the entry declares). */
function inflateEntry(bytes: Uint8Array, e: ZipEntry, cap: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw new Error(`${e.name}：本地文件头已损坏`);
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data.subarray(0, Math.min(e.size, cap));
  if (e.method !== 8) throw new Error(`${e.name}：不支持的压缩方式 ${e.method}`);
  // A part may not inflate past its declared size (a lying header is how bombs slip past size checks).
  return new Uint8Array(inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(e.size, cap)) }));
}

/**
 * Unzip the entries `want` selects, within the limits. Throws PackageLimitError naming the limit
 * when the package would take more; other errors mean a damaged zip.
 */
export function unzipBounded(bytes: Uint8Array, want: (name: string) => boolean, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  let total = 0;
  const over = () =>
    new PackageLimitError('maxInflatedBytes', `解压后的内容超过上限 ${mb(limits.maxInflatedBytes)}（配置项 maxInflatedBytes 可调高）`);
  for (const e of zipEntries(bytes, limits)) {
    if (!want(e.name) || e.name.endsWith('/')) continue;
    if (total + e.size > limits.maxInflatedBytes) throw over();
    const left = limits.maxInflatedBytes - total;
    let out: Uint8Array;
    try {
      out = inflateEntry(bytes, e, left + 1);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        if (e.size >= left) throw over();
        throw new Error(`${e.name}：解压后的大小超出压缩包声明的 ${e.size} 字节`);
      }
      throw err;
    }
    total += out.length;
    if (total > limits.maxInflatedBytes) throw over();
    files[e.name] = out;
  }
  return files;
}

/** Declared uncompressed size of the XML parts, read from the directory only (no inflation): the cost of opening the package. */
export function declaredXmlBytes(bytes: Uint8Array): number {
  try {
    return zipEntries(bytes, { maxInflatedBytes: Infinity, maxParts: Infinity })
      .filter((e) => XML_PART.test(e.name))
      .reduce((n, e) => n + e.size, 0);
  } catch {
    return 0;
  }
}

const XML_PART = /\.(xml|rels)$/i;

/** The parsed parts of a Word package that the reader needs. */
export interface DocxPackage {
  /** Children of `w:document` (the body is among them). */
  document: XmlNode[];
  /** `word/styles.xml`, when present. */
  styles: XmlNode[] | undefined;
  /** `word/numbering.xml`, when present. */
  numbering: XmlNode[] | undefined;
  /** `word/footnotes.xml`, when present. */
  footnotes: XmlNode[] | undefined;
  /** `word/endnotes.xml`, when present. */
  endnotes: XmlNode[] | undefined;
}

/** Why a byte string is not a readable .docx: not a zip, no Word document in it, another Office kind (`detail` says which), bad XML, or over a limit. */
export type OpenFailure = 'not-zip' | 'no-document' | 'other-office' | 'bad-xml' | 'limit';

/** The package, or why it could not be opened. */
export type OpenResult =
  | {
      /** Opened. */
      ok: true;
      /** The parsed parts. */
      pkg: DocxPackage;
    }
  | {
      /** Not opened. */
      ok: false;
      /** Which check failed. */
      reason: OpenFailure;
      /** Details for the message (the unzip or XML error). */
      detail: string;
    };

function relTargets(files: Record<string, Uint8Array>, relsPath: string): Map<string, string> {
  const out = new Map<string, string>();
  const bytes = files[relsPath];
  if (!bytes) return out;
  for (const rel of childrenNamed(path(parseXml(strFromU8(bytes)), 'Relationships'), 'Relationship')) {
    const type = rel.attrs['Type'] ?? '';
    const target = rel.attrs['Target'];
    if (target && rel.attrs['TargetMode'] !== 'External') out.set(type.slice(type.lastIndexOf('/') + 1), target);
  }
  return out;
}

function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (baseDir ? `${baseDir}/${target}` : target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** What an Office zip that is not a Word document really is, from its main part's name. */
const OTHER_OFFICE: Array<[RegExp, string]> = [
  [/^xl\/workbook\.xml$/, '这是 Excel 表格，不是 Word 文档'],
  [/^ppt\/presentation\.xml$/, '这是 PowerPoint 演示文稿，不是 Word 文档'],
  [/^visio\/document\.xml$/, '这是 Visio 绘图，不是 Word 文档'],
];

/** Unzip and parse the parts of a .docx within `limits`; never throws. */
export function openDocx(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): OpenResult {
  let files: Record<string, Uint8Array>;
  try {
    // Only XML parts are needed; pictures can be most of a draft's size.
    files = unzipBounded(bytes, (name) => XML_PART.test(name), limits);
  } catch (e) {
    return { ok: false, reason: e instanceof PackageLimitError ? 'limit' : 'not-zip', detail: (e as Error).message };
  }
  try {
    const rootRels = relTargets(files, '_rels/.rels');
    const docPath = resolvePart('', rootRels.get('officeDocument') ?? 'word/document.xml');
    const docBytes = files[docPath] ?? files['word/document.xml'];
    if (!docBytes) {
      const other = OTHER_OFFICE.find(([re]) => Object.keys(files).some((n) => re.test(n)));
      if (other) return { ok: false, reason: 'other-office', detail: other[1] };
      const what = files['content.xml'] ? '这是 OpenDocument 文件' : '压缩包中没有 word/document.xml';
      return { ok: false, reason: 'no-document', detail: what };
    }
    const dir = docPath.includes('/') ? docPath.slice(0, docPath.lastIndexOf('/')) : '';
    const rels = relTargets(files, resolvePart(dir, `_rels/${docPath.slice(dir.length ? dir.length + 1 : 0)}.rels`));
    const part = (type: string, fallback: string): XmlNode[] | undefined => {
      const p = resolvePart(dir, rels.get(type) ?? fallback);
      const b = files[p];
      return b ? parseXml(strFromU8(b)) : undefined;
    };
    return {
      ok: true,
      pkg: {
        document: path(parseXml(strFromU8(docBytes)), 'w:document')?.children ?? [],
        styles: part('styles', 'styles.xml'),
        numbering: part('numbering', 'numbering.xml'),
        footnotes: part('footnotes', 'footnotes.xml'),
        endnotes: part('endnotes', 'endnotes.xml'),
      },
    };
  } catch (e) {
    return { ok: false, reason: 'bad-xml', detail: (e as Error).message };
  }
}

