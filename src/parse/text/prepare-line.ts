/**
 * A source line made ready for structure detection: trimmed and normalized, with placeholders and
 * emphasis expressed as code-point ranges of the normalized text and a map back to source columns.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Table } from '../../model/types.ts';
import { changeDiagnostic } from '../../transform/change.ts';
import { normalizeLine } from '../../transform/normalize-line.ts';
import type { SourceLine } from '../types.ts';
import { findPlaceholders } from './find-placeholders.ts';
import { CN_NUMERAL } from './markers.ts';
import { lowerBound } from '../../transform/lower-bound.ts';

/** A line after normalization. */
export interface PreparedLine {
  /** 1-based source line. */
  line: number;
  /** The normalized, trimmed text: `chars` joined, kept so that readers need not join them again. */
  text: string;
  /** Code points of the normalized, trimmed text. */
  chars: string[];
  /** For each code point, its 0-based code-point index in the source line. */
  map: number[];
  /** Placeholder ranges [start, end) in code points of `chars`. */
  placeholders: Array<[number, number]>;
  /** Emphasis ranges [start, end) in code points of `chars`. */
  emphasis: Array<[number, number]>;
  /** Code points of `chars` covered by a bold run at the line start (0 when none). */
  bold: number;
  /** A table standing in place of the line. */
  table?: Table;
  /** Source line of each code point, when the line was joined from several (a re-joined hard wrap); else all are `line`. */
  lineOf?: number[];
  /** The line continues the previous one after a writer's soft break (Shift+Enter). */
  softBreak?: boolean;
  /** Title/subtitle paragraph style of a Word draft. */
  style?: 'title' | 'subtitle';
  /** Outline level of a Word heading paragraph (1–4). */
  outlineLevel?: 1 | 2 | 3 | 4;
  /** A centred Word paragraph. */
  centered?: boolean;
}

/** `一.` at a line start is a heading marker, not a sentence end: keep its dot out of normalization. */
const CN_DOT_MARKER = new RegExp(`^\\s*${CN_NUMERAL}\\.`);

/**
 * Normalize one source line, reporting each change when normalization is on. `columnOffset` shifts
 * columns for text that does not start at column 1 of its source line (Markdown).
 */
export function prepareLine(src: SourceLine, normalize: boolean, diagnostics: Diagnostic[], offset = 0, script: 'Hans' | 'Hant' = 'Hans'): PreparedLine {
  const raw = src.text;
  const columnOffset = offset + (src.column ?? 0);
  const spans = findPlaceholders(raw);
  const protect: Array<[number, number]> = spans.map((s) => [s.start, s.end]);
  const dot = CN_DOT_MARKER.exec(raw);
  if (dot) protect.push([dot[0].length - 1, dot[0].length]);
  const n = normalizeLine(raw, { enabled: normalize, protect, script });
  for (const c of n.changes) diagnostics.push(changeDiagnostic({ ...c, index: c.index + columnOffset }, src.line));

  const chars = codePointsOf(n.text);
  // Output positions whose source index lies in [s, e). The map only grows (normalization replaces
  // and drops characters, never reorders them), so two binary searches find them; a line of 100,000
  // characters with thousands of placeholders would otherwise be scanned once per placeholder.
  const map = n.map;
  let sorted = true;
  // Only a line with ranges to convert needs to know (most have none).
  const ranged = spans.length > 0 || (src.emphasis?.length ?? 0) > 0 || !!src.boldPrefixLength;
  for (let k = 1; ranged && k < map.length && sorted; k++) if (map[k]! < map[k - 1]!) sorted = false;
  const firstAtOrAfter = (v: number): number => lowerBound(map.length, (k) => map[k]! < v);
  const toOut = (s: number, e: number): [number, number] | undefined => {
    if (sorted) {
      const a = firstAtOrAfter(s);
      if (a >= map.length || map[a]! >= e) return undefined;
      return [a, firstAtOrAfter(e)];
    }
    let a = -1;
    let b = -1;
    map.forEach((m, k) => {
      if (m >= s && m < e) {
        if (a < 0) a = k;
        b = k + 1;
      }
    });
    return a < 0 ? undefined : [a, b];
  };
  // UTF-16 unit → code point index, built once (only when there are placeholders to convert).
  let cpAt: Int32Array | undefined;
  const unitToCp = (u: number): number => {
    if (!cpAt) {
      cpAt = new Int32Array(raw.length + 1);
      let cp = 0;
      for (let i = 0; i < raw.length; i++) {
        cpAt[i] = cp;
        const c = raw.charCodeAt(i);
        const d = raw.charCodeAt(i + 1);
        // The low half of a pair shares its code point with the high half... and the slice up to it
        // counts the lone high half as one code point, as [...raw.slice(0, u)] did.
        if (!(c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff)) cp++;
        else {
          cpAt[i + 1] = cp + 1;
          cp++;
          i++;
        }
      }
      cpAt[raw.length] = cp;
    }
    return cpAt[u]!;
  };
  const placeholders = spans.flatMap((s) => {
    const r = toOut(unitToCp(s.start), unitToCp(s.end));
    return r ? [r] : [];
  });
  const emphasis = (src.emphasis ?? []).flatMap(([s, e]) => {
    const r = toOut(s, e);
    return r ? [r] : [];
  });
  const boldRange = src.boldPrefixLength ? toOut(0, src.boldPrefixLength) : undefined;
  const prepared: PreparedLine = {
    line: src.line,
    text: n.text,
    chars,
    map: columnOffset === 0 ? n.map : n.map.map((m) => m + columnOffset),
    placeholders,
    emphasis,
    bold: boldRange ? boldRange[1] : 0,
  };
  if (src.table) prepared.table = src.table;
  if (src.softBreak) prepared.softBreak = true;
  if (src.style) prepared.style = src.style;
  if (src.outlineLevel) prepared.outlineLevel = src.outlineLevel;
  if (src.centered) prepared.centered = true;
  return prepared;
}

/**
 * One string per BMP code unit, made the first time the unit is seen: the characters of every line
 * share them instead of each line allocating a string per character (`[...text]`).
 */
const UNIT_STRINGS: string[] = Array.from({ length: 0x10000 }, () => '');

/** The code points of `text` as strings, as `[...text]` gives them. */
function codePointsOf(text: string): string[] {
  const out: string[] = [];
  for (let u = 0; u < text.length; u++) {
    const c = text.charCodeAt(u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
      const d = text.charCodeAt(u + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(text.slice(u, u + 2));
        u++;
        continue;
      }
    }
    let s = UNIT_STRINGS[c]!;
    if (s === '') UNIT_STRINGS[c] = s = String.fromCharCode(c);
    out.push(s);
  }
  return out;
}

/** The normalized text of a prepared line. */
export function lineText(l: PreparedLine): string {
  return l.text;
}
