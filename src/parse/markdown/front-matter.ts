/**
 * YAML front matter → speech meta. Keys in English or Chinese; credits as a list of
 * `{label, value}` or as a map `{编辑: 何利军}`.
 */
import { parse as parseYaml } from 'yaml';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Credit, Position, SpeechMeta } from '../../model/types.ts';
import { normalizeLine } from '../../transform/normalize-line.ts';
import { isLetterSpaced, unspaced } from '../text/title-shapes.ts';

/** Meta fields that front matter may set. */
export type FrontMatterMeta = Partial<Pick<SpeechMeta, 'title' | 'titleLines' | 'subtitle' | 'speaker' | 'date' | 'occasion' | 'originalTitle' | 'lang'>> & {
  /** Credits when given. */
  credits?: Credit[];
};

/** Accepted keys and the meta field each fills. */
const KEYS: Record<string, keyof FrontMatterMeta> = {
  title: 'title', 标题: 'title',
  subtitle: 'subtitle', 副标题: 'subtitle',
  speaker: 'speaker', author: 'speaker', 讲话人: 'speaker', 署名: 'speaker',
  date: 'date', 日期: 'date',
  occasion: 'occasion', meeting: 'occasion', 会议: 'occasion', 场合: 'occasion',
  originalTitle: 'originalTitle', original_title: 'originalTitle', 'original-title': 'originalTitle', 原标题: 'originalTitle',
  lang: 'lang', language: 'lang',
  credits: 'credits', 署名信息: 'credits',
};

/** Longest front matter read, in UTF-16 code units: some hundred lines of `key: value`. */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/** Read front matter `source` found at `position`. Problems are warnings; the body still parses. */
export function readFrontMatter(source: string, position: Position | undefined, diagnostics: Diagnostic[]): FrontMatterMeta {
  let data: unknown;
  // The YAML library checks duplicate keys pair by pair (32k keys took 8 s); real front matter is a
  // few lines, so anything this big is not one and is left out with a finding.
  if (source.length > MAX_FRONT_MATTER_CHARS) {
    diagnostics.push(diagnostic('warning', 'limits/frontmatter', `文首信息（front matter）长 ${source.length} 个字符，超过上限 ${MAX_FRONT_MATTER_CHARS} 个，已略去；请只保留 title、speaker 等几行`, position));
    return {};
  }
  try {
    data = parseYaml(source);
  } catch (e) {
    diagnostics.push(diagnostic('warning', 'markdown/frontmatter', `文首信息（front matter）不是有效的 YAML：${(e as Error).message.split('\n')[0]}`, position));
    return {};
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic('warning', 'markdown/frontmatter', '文首信息（front matter）应写成“字段: 值”的形式（如 title: …、speaker: …）', position));
    return {};
  }
  const meta: FrontMatterMeta = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = KEYS[key];
    if (!field) {
      diagnostics.push(diagnostic('warning', 'markdown/frontmatter-field', `不认识的文首信息字段“${key}”，已忽略`, position,
        `可用字段：${[...new Set(Object.keys(KEYS).filter((k) => /^[a-z]/.test(k)))].join('、')}`));
      continue;
    }
    if (field === 'title' && (Array.isArray(value) || (typeof value === 'string' && value.trim().includes('\n')))) {
      // A title of several printed lines: a YAML list, or a block string with line breaks.
      const lines = (Array.isArray(value) ? value.map((v) => String(v)) : value.split('\n')).map((t) => t.trim()).filter((t) => t !== '');
      if (lines.length > 0) {
        meta.titleLines = lines;
        meta.title = lines.map(unspaced).join('');
      }
    } else if (field === 'credits') {
      const credits = readCredits(value, position, diagnostics);
      if (credits) meta.credits = credits;
    } else if (field === 'titleLines') {
      continue; // never a key of its own; filled from a title list above
    } else if (typeof value === 'string' || typeof value === 'number') {
      meta[field] = String(value).trim();
    } else if (value instanceof Date) {
      meta[field] = value.toISOString().slice(0, 10);
    } else if (value !== null) {
      diagnostics.push(diagnostic('warning', 'markdown/frontmatter-field', `文首信息字段“${key}”应为文字`, position));
    }
  }
  return meta;
}

/** Credits from a list of `{label, value}` (or `编辑：何利军` strings) or from a map. */
function readCredits(value: unknown, position: Position | undefined, diagnostics: Diagnostic[]): Credit[] | undefined {
  const bad = (): undefined => {
    diagnostics.push(diagnostic('warning', 'markdown/frontmatter-field', 'credits 应为 {label, value} 的列表，或 {编辑: 何利军} 这样的映射', position));
    return undefined;
  };
  if (Array.isArray(value)) {
    const out: Credit[] = [];
    for (const item of value) {
      if (typeof item === 'string') {
        const m = /^(.+?)\s*[:：]\s*(.+)$/.exec(item);
        if (!m) return bad();
        out.push({ label: m[1]!, value: m[2]! });
      } else if (item && typeof item === 'object' && 'label' in item && 'value' in item) {
        out.push({ label: String(item.label), value: String(item.value) });
      } else return bad();
    }
    return out;
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([label, v]) => ({ label, value: String(v) }));
  }
  return bad();
}

/** Dash variants a subtitle may start with. */
const DASH = /^(?:——|[—―─━－-]{1,2})\s*/;

/** Normalize front matter text fields like body text, reporting changes at the front matter. */
export function normalizeFrontMatter(meta: FrontMatterMeta, position: Position | undefined, diagnostics: Diagnostic[]): FrontMatterMeta {
  const out: FrontMatterMeta = { ...meta };
  for (const field of ['title', 'subtitle', 'speaker', 'date', 'occasion', 'originalTitle'] as const) {
    const value = out[field];
    if (value === undefined) continue;
    const n = normalizeLine(value, { enabled: true });
    let text = n.text;
    if (field === 'subtitle') {
      const d = DASH.exec(text);
      if (d && d[0] !== '——') text = `——${text.slice(d[0].length)}`;
    }
    if (text !== value) {
      diagnostics.push(diagnostic('info', `normalize/front-matter`, `文首信息 ${field} 已规范化：“${value}” → “${text}”`, position));
      out[field] = text;
    }
  }
  if (out.titleLines) {
    out.titleLines = out.titleLines.map((t) => normalizeLine(t, { enabled: true }).text);
    out.title = out.titleLines.map(unspaced).join('');
  } else if (out.title && isLetterSpaced(out.title)) {
    // A letter-spaced title prints as spaced; metadata gets the plain title.
    out.titleLines = [out.title];
    out.title = unspaced(out.title);
  }
  return out;
}
