/**
 * Run-in leads inside a paragraph: a run-in heading `（一）…。` at the start, and every enumerated
 * point `一是…` / `第一，…` that starts the paragraph or follows a sentence or clause end. GB style
 * often keeps 一是…二是… in one paragraph, so a paragraph may hold several leads.
 */
import type { Lead } from '../../model/types.ts';
import { ARTICLE, headingMarker, POINT_BEFORE, POINT_MARKER, SENTENCE_END } from './markers.ts';

/** One lead found in a paragraph, in code points of the paragraph text. */
export interface LeadSpan {
  /** First code point. */
  start: number;
  /** End (exclusive). */
  end: number;
  /** Point or run-in heading. */
  kind: Lead['kind'];
  /** The marker as written ('' for a bold opening without one). */
  marker: string;
  /** Depth for run-in headings. */
  depth?: 2 | 3 | 4;
}

/**
 * Leads in a paragraph given as its text and as its code points (`chars`, the same text).
 * `bold` (> 0) is a writer-marked lead at the start that wins over detection.
 */
export function findLeads(text: string, chars: string[], bold = 0): LeadSpan[] {
  const leads: LeadSpan[] = [];
  let from = 0;
  if (bold > 0) {
    const m = markerOf(chars.slice(0, bold).join(''));
    leads.push({ start: 0, end: bold, ...(m ?? { kind: 'point', marker: '' }) });
    from = bold;
  } else if (ARTICLE.test(text)) {
    // 第一条　（目的和依据）: the article number (and its caption) is the lead; the article text is body.
    const m = ARTICLE.exec(text)!;
    const end = [...m[0]].length;
    leads.push({ start: 0, end, kind: 'article', marker: /^第.+?条/.exec(m[0])![0] });
    from = end;
  } else {
    const h = headingMarker(text);
    if (h && h.depth > 1) {
      const markerLen = [...text.slice(0, h.length)].length;
      const end = sentenceEnd(chars, markerLen, chars.length);
      if (end !== undefined) {
        leads.push({ start: 0, end, kind: 'heading', marker: h.marker, depth: h.depth as 2 | 3 | 4 });
        from = end;
      }
    }
  }

  const starts: Array<{ start: number; marker: string }> = [];
  let seen = leads.some((l) => l.kind === 'point');
  // Code-unit index → code-point index, counted once (a long paragraph holds many points); the
  // identity, and not counted, when the text has no character outside the BMP.
  let cpAt: number[] | undefined;
  if (text.length !== chars.length) {
    cpAt = [];
    for (let u = 0, cp = 0; u <= text.length; cp++) {
      cpAt[u] = cp;
      const c = text.codePointAt(u);
      const w = c !== undefined && c > 0xffff ? 2 : 1;
      if (w === 2) cpAt[u + 1] = cp;
      u += w;
    }
  }
  for (const m of text.matchAll(POINT_MARKER)) {
    const start = cpAt ? cpAt[m.index]! : m.index;
    if (start < from) continue;
    const before = prevNonSpace(chars, start);
    const ok = start === from || (before !== undefined && POINT_BEFORE.has(before)) || (seen && (before === '，' || before === ','));
    if (!ok) continue;
    starts.push({ start, marker: m[0] });
    seen = true;
  }
  if (starts.length === 0) return leads;
  // A point ends at its first 。！？；：. When the next point starts before that, the points are a
  // list inside one sentence (一是…，二是…，三是…): no lead at all.
  const ends = starts.map((s, k) => sentenceOrClauseEnd(chars, s.start + [...s.marker].length, starts[k + 1]?.start ?? chars.length));
  const inList = starts.map(() => false);
  // Sentence number of each point (sentence ends before it, counted up to the last point only):
  // a list spoils every point of its sentence.
  const sentence: number[] = [];
  for (let k = 0, i = 0, n = 0; k < starts.length; k++) {
    for (; i < starts[k]!.start; i++) if (SENTENCE_END.has(chars[i]!)) n++;
    sentence.push(n);
  }
  const spoiled = new Set<number>();
  starts.forEach((_, k) => {
    if (k + 1 < starts.length && ends[k] === undefined) spoiled.add(sentence[k]!);
  });
  starts.forEach((_, j) => {
    if (spoiled.has(sentence[j]!)) inList[j] = true;
  });
  starts.forEach((s, k) => {
    if (inList[k]) return;
    leads.push({ start: s.start, end: ends[k] ?? chars.length, kind: 'point', marker: s.marker });
  });
  return leads;
}

/** Index after the first 。！？；： in [from, limit), or undefined. */
function sentenceOrClauseEnd(chars: string[], from: number, limit: number): number | undefined {
  for (let i = from; i < limit; i++) if ('。！？；：!?;:'.includes(chars[i]!)) return i + 1;
  return undefined;
}

/** Marker kind of a bold opening: a point, a run-in heading, or none. */
function markerOf(text: string): Omit<LeadSpan, 'start' | 'end'> | undefined {
  POINT_MARKER.lastIndex = 0;
  const p = new RegExp(`^(?:${POINT_MARKER.source})`).exec(text);
  if (p) return { kind: 'point', marker: p[0] };
  const h = headingMarker(text);
  if (h && h.depth > 1) return { kind: 'heading', marker: h.marker, depth: h.depth as 2 | 3 | 4 };
  return undefined;
}

/** Index after the first sentence end in [from, limit), or undefined. */
function sentenceEnd(chars: string[], from: number, limit: number): number | undefined {
  for (let i = from; i < limit; i++) if (SENTENCE_END.has(chars[i]!)) return i + 1;
  return undefined;
}


/** The nearest non-space character before index `i`. */
function prevNonSpace(chars: string[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) if (chars[j] !== ' ' && chars[j] !== '\u3000') return chars[j];
  return undefined;
}
