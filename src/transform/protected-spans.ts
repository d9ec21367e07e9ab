/** Spans normalization must not touch: URLs and e-mail addresses keep their ASCII punctuation. */

/** URLs with a scheme or a `www.` start, and bare domains under common top-level domains. */
const URL = /(?:https?:\/\/|ftp:\/\/|www\.)[!-~]+|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:cn|com|net|org|gov|edu|int|info)(?:\.[a-z]{2})?(?:\/[!-~]*)?/g;
/** E-mail addresses. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
/** Sentence punctuation that ends a sentence after a URL rather than belonging to it. */
const TRAILING = /[.,;:!?)'"]+$/;

/** Code-unit ranges [start, end) of URLs and e-mail addresses in `text`, sorted and not overlapping. */
export function protectedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const re of [EMAIL, URL]) {
    for (const m of text.matchAll(re)) {
      const value = m[0].replace(TRAILING, '');
      const start = m.index;
      const end = start + value.length;
      if (value.length > 0 && !spans.some(([s, e]) => start < e && end > s)) spans.push([start, end]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}
