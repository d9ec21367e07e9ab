/**
 * Spans normalization must not touch: URLs and e-mail addresses keep their ASCII punctuation.
 * Linear in the text: every pattern can start only where its run of ASCII starts (a pattern that
 * may start anywhere inside a long run of letters retries the whole run from every letter).
 */

import { lowerBound } from './lower-bound.ts';

/** URLs with a scheme or a `www.` start, and bare domains under common top-level domains. */
const URL = /(?:https?:\/\/|ftp:\/\/|www\.)[!-~]+|(?<![A-Za-z0-9.-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu|int|info)(?:\.[a-z]{2})?(?:\/[!-~]*)?/g;
/** The domain after an e-mail's `@`, matched at that position only. */
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/y;
/** Characters of an e-mail's local part. */
const LOCAL = /[A-Za-z0-9._%+-]/;
/** Sentence punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', "'", '"']);

/** Code-unit ranges [start, end) of URLs and e-mail addresses in `text`, sorted and not overlapping. */
export function protectedSpans(text: string): Array<[number, number]> {
  const emails = emailSpans(text);
  const spans = [...emails];
  // Every URL holds `://` or a `.` (`www.`, `.cn`): a line with neither (most Chinese lines) is not scanned.
  if (!text.includes('.') && !text.includes('://')) return spans;
  for (const m of text.matchAll(URL)) {
    const start = m.index;
    const end = start + trimTrailing(m[0]);
    if (end > start && !overlapsAny(emails, start, end)) spans.push([start, end]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** E-mail addresses: found from each `@`, the local part scanned back no further than the previous `@`. */
function emailSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let floor = 0; // nothing before this may be reused: the previous address's end or `@`
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > floor && LOCAL.test(text[start - 1]!)) start--;
    floor = at + 1;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const m = EMAIL_DOMAIN.exec(text);
    if (!m) continue;
    const end = at + 1 + trimTrailing(m[0]);
    if (end <= at + 1) continue;
    spans.push([start, end]);
    floor = end;
  }
  return spans;
}

/** Length of `value` without its trailing sentence punctuation. */
function trimTrailing(value: string): number {
  let n = value.length;
  while (n > 0 && TRAILING.has(value[n - 1]!)) n--;
  return n;
}

/** Whether [start, end) overlaps a span of the sorted, disjoint `spans` (binary search). */
function overlapsAny(spans: Array<[number, number]>, start: number, end: number): boolean {
  const lo = lowerBound(spans.length, (i) => spans[i]![1] <= start);
  return lo < spans.length && spans[lo]![0] < end;
}
