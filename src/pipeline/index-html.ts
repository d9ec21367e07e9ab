/**
 * `output/index.html`: a batch at a glance. One card per input with its first page (SVG drawn
 * from the layout frame, as the serve page draws it), page count, findings and links to the
 * outputs. The page is self-contained: the thumbnails draw their glyphs as outlines taken from the
 * faces the layout measured with, each distinct glyph once for the whole page (`<defs>`) and placed
 * with `<use>` (no font subset is made: that needs HarfBuzz's wasm, which made every cold build
 * wait ~0.3 s at exit). Deterministic: the same build writes the same bytes.
 */
import { relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { FontSet, LoadedFace } from '../fonts/types.ts';
import type { Measurer, PagedDocument } from '../layout/types.ts';
import { pageSvg, charsByFace, faceAlias, glyphPathData, outlineId } from '../render/svg/index.ts';
import { escapeXml as escapeHtml } from '../render/xml.ts';

/** Page 1 of a document as SVG, with the characters each face draws there. Plain data (crosses threads). */
export interface Thumbnail {
  /** The SVG of page 1. */
  svg: string;
  /** Characters drawn per face key. */
  chars: Record<string, string>;
  /** The face keys the SVG's outline ids name, by alias: `faces[i]` is alias `faceAlias(i)`. */
  faces: string[];
}

/** One file of the index. */
export interface IndexEntry {
  /** Input as shown to the user. */
  input: string;
  /** The build's status for it. */
  status: 'ok' | 'warnings' | 'failed';
  /** PDF pages. */
  pages: number;
  /** Output files, as shown to the user (relative to the working folder). */
  outputs: string[];
  /** Findings. */
  diagnostics: Diagnostic[];
  /** Page 1, when a PDF was laid out. */
  thumbnail?: Thumbnail;
}

/** Page 1 of a laid-out document as a thumbnail, its glyphs as outlines named per face alias. */
export function pageThumbnail(document: PagedDocument, measurer: Measurer, draft: boolean): Thumbnail | undefined {
  const page = document.pages[0];
  if (!page) return undefined;
  const chars = Object.fromEntries([...charsByFace([page])].map(([k, set]) => [k, [...set].sort().join('')]));
  const faces = Object.keys(chars).sort();
  const alias = new Map(faces.map((k, i) => [k, faceAlias(i)]));
  const outlines = { id: (faceKey: string, ch: string) => outlineId(alias.get(faceKey)!, ch) };
  // `family` is not used when drawing outlines.
  const svg = pageSvg(document, page, { advance: measurer.advance, family: () => '', draft, outlines });
  return { svg, chars, faces };
}

/** Findings listed per card; the rest are counted (the report and `check` list them all). */
const MAX_FINDINGS_SHOWN = 8;

const STATUS: Record<IndexEntry['status'], string> = { ok: '完成', warnings: '有警告', failed: '失败' };
const SEVERITY: Record<Diagnostic['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** The index page for a build whose outputs are in `outDir`; paths in entries are relative to `cwd`. */
export function indexHtml(entries: readonly IndexEntry[], fontSet: FontSet, outDir: string, cwd: string): string {
  const ok = entries.filter((e) => e.status === 'ok').length;
  const warned = entries.filter((e) => e.status === 'warnings').length;
  const failed = entries.filter((e) => e.status === 'failed').length;
  const pages = entries.reduce((n, e) => n + e.pages, 0);
  // One alias per face across the page: each thumbnail's own aliases are renamed to these.
  const faces = [...new Set(entries.flatMap((e) => e.thumbnail?.faces ?? []))].sort();
  const cards = entries.map((e) => card(e, outDir, cwd, faces)).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="speechdoc">
<title>排版结果一览 · speechdoc</title>
<style>
body { margin: 0; font: 14px/1.5 "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; background: #eceef1; color: #222; }
header { background: #8b1a1a; color: #fff; padding: 10px 18px; }
header h1 { margin: 0; font-size: 18px; letter-spacing: 2px; }
header p { margin: 2px 0 0; opacity: 0.9; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 14px; padding: 14px 18px; }
.card { background: #fff; border: 1px solid #d6d9de; border-radius: 6px; padding: 10px; display: flex; flex-direction: column; gap: 6px; }
.card.failed { border-color: #e9a5a5; }
.thumb { display: block; box-shadow: 0 1px 3px #0004; }
.thumb svg { display: block; width: 100%; height: auto; }
.name { font-weight: 600; word-break: break-all; }
.meta { color: #555; }
.status-ok { color: #2e7d32; } .status-warnings { color: #a86b00; } .status-failed { color: #c62828; }
.links a { margin-right: 10px; }
ul { margin: 0; padding-left: 18px; font-size: 13px; }
li.error { color: #c62828; } li.warning { color: #a86b00; }
</style>
</head>
<body>
${glyphDefs(faces, entries, fontSet)}
<header><h1>排版结果一览</h1><p>${entries.length} 个文件：${ok} 个完成，${warned} 个有警告，${failed} 个失败 · 共 ${pages} 页</p></header>
<main>
${cards}
</main>
</body>
</html>
`;
}

function card(e: IndexEntry, outDir: string, cwd: string, faces: readonly string[]): string {
  const link = (p: string) => escapeHtml(relative(outDir, resolve(cwd, p)).split(sep).map(encodeURIComponent).join('/'));
  const pdf = e.outputs.find((o) => o.endsWith('.pdf'));
  const svg = e.thumbnail ? withAliases(e.thumbnail, faces) : '';
  const thumb = e.thumbnail
    ? pdf
      ? `<a class="thumb" href="${link(pdf)}" title="打开 PDF">${svg}</a>`
      : `<div class="thumb">${svg}</div>`
    : '';
  const links = e.outputs.map((o) => `<a href="${link(o)}">${o.endsWith('.pdf') ? 'PDF' : o.endsWith('.docx') ? 'Word' : escapeHtml(o)}</a>`).join('');
  const serious = e.diagnostics.filter((d) => d.severity !== 'info');
  const infos = e.diagnostics.length - serious.length;
  const shown = serious.slice(0, MAX_FINDINGS_SHOWN);
  const more = serious.length - shown.length;
  const findings = shown
    .map((d) => `<li class="${d.severity}">${SEVERITY[d.severity]}${d.position ? ` · 第 ${d.position.start.line} 行` : ''}：${escapeHtml(d.message)}</li>`)
    .join('') + (more > 0 ? `<li>另有 ${more} 条，见 speechdoc check 或 --report</li>` : '');
  return `<section class="card ${e.status}">
${thumb}
<div class="name">${escapeHtml(e.input)}</div>
<div class="meta"><span class="status-${e.status}">${STATUS[e.status]}</span>${e.pages ? ` · ${e.pages} 页` : ''}${infos ? ` · ${infos} 条提示` : ''}</div>
<div class="links">${links}</div>
${findings ? `<ul>${findings}</ul>` : ''}
</section>`;
}

/** A thumbnail's SVG with its outline ids renamed from its own face aliases to the page's. */
function withAliases(thumbnail: Thumbnail, faces: readonly string[]): string {
  const renamed = thumbnail.faces.map((k) => faceAlias(faces.indexOf(k)));
  if (renamed.every((a, i) => a === faceAlias(i))) return thumbnail.svg;
  const byAlias = new Map(thumbnail.faces.map((_, i) => [faceAlias(i), renamed[i]!]));
  return thumbnail.svg.replace(/href="#([A-Z]+)/g, (_, a: string) => `href="#${byAlias.get(a)}`);
}

/** Glyphs drawn per step of `OutlinesAhead` (~1 ms: a step must not hold up what the lane waits for). */
const GLYPHS_PER_STEP = 24;

/**
 * The outlines of thumbnails' glyphs, computed ahead into glyphPathData's cache a few at a time,
 * while a build's main lane would only wait (for its helper thread's deflates, or its writes):
 * indexHtml then finds them made (over the corpus, ~60 of its ~77 ms).
 */
export class OutlinesAhead {
  /** Glyphs to draw: face and character, in the order their thumbnails came. */
  private readonly queue: { face: LoadedFace; char: string }[] = [];
  /** Faces by key. */
  private readonly faces: Map<string, LoadedFace>;
  /** Where the queue has been drawn up to. */
  private next = 0;

  constructor(fontSet: FontSet) {
    this.faces = new Map(fontSet.faces().map((f) => [f.key, f]));
  }

  /** Queue the glyphs of a thumbnail. */
  add(thumbnail: Thumbnail): void {
    for (const [key, text] of Object.entries(thumbnail.chars)) {
      const face = this.faces.get(key);
      if (face) for (const char of text) this.queue.push({ face, char });
    }
  }

  /** Draw a few queued glyphs; false when none was left. */
  readonly step = (): boolean => {
    const end = Math.min(this.queue.length, this.next + GLYPHS_PER_STEP);
    if (this.next === end) return false;
    for (; this.next < end; this.next++) {
      const { face, char } = this.queue[this.next]!;
      glyphPathData(face.font, char);
    }
    return true;
  };
}

/**
 * The outlines every thumbnail uses, each glyph once: an invisible SVG whose `<defs>` the
 * thumbnails' `<use>` elements point at (ids: face alias and code point, `outlineId`).
 */
function glyphDefs(faces: readonly string[], entries: readonly IndexEntry[], fontSet: FontSet): string {
  const chars = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const [key, text] of Object.entries(e.thumbnail?.chars ?? {})) {
      let set = chars.get(key);
      if (!set) chars.set(key, (set = new Set()));
      for (const ch of text) set.add(ch);
    }
  }
  const loaded = new Map(fontSet.faces().map((f) => [f.key, f]));
  const paths: string[] = [];
  faces.forEach((key, i) => {
    const face = loaded.get(key);
    if (!face) return;
    for (const ch of [...(chars.get(key) ?? [])].sort()) {
      const d = glyphPathData(face.font, ch);
      if (d) paths.push(`<path id="${outlineId(faceAlias(i), ch)}" d="${d}"/>`);
    }
  });
  return `<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>${paths.join('\n')}</defs></svg>`;
}
