/**
 * Opening a .docx package: unzip, then find the main document and its related parts through the
 * relationship files rather than by fixed names (some writers use `word/document2.xml`).
 */
import { strFromU8, unzipSync } from 'fflate';
import { childrenNamed, parseXml, path, type XmlNode } from './xml.ts';

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

/** Why a byte string is not a readable .docx. */
export type OpenFailure = 'not-zip' | 'no-document' | 'bad-xml';

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

/** Unzip and parse the parts of a .docx; never throws. */
export function openDocx(bytes: Uint8Array): OpenResult {
  let files: Record<string, Uint8Array>;
  try {
    // Only XML parts are needed; pictures can be most of a draft's size.
    files = unzipSync(bytes, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
  } catch (e) {
    return { ok: false, reason: 'not-zip', detail: (e as Error).message };
  }
  try {
    const rootRels = relTargets(files, '_rels/.rels');
    const docPath = resolvePart('', rootRels.get('officeDocument') ?? 'word/document.xml');
    const docBytes = files[docPath] ?? files['word/document.xml'];
    if (!docBytes) {
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

