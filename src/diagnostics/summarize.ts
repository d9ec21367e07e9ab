/**
 * Folding repeated info findings into one line: a reposted speech has a hundred half-width commas,
 * and a hundred `normalize/punctuation` lines would bury the warnings a user must act on.
 */
import type { Diagnostic } from './diagnostic.ts';

/** Keep warnings and errors as they are; fold infos with the same file and rule into the first one. */
export function summarizeInfos(list: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  const key = (d: Diagnostic) => `${d.file ?? ''}\u0000${d.ruleId}`;
  for (const d of list) if (d.severity === 'info') counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    if (d.severity !== 'info') {
      out.push(d);
      continue;
    }
    const k = key(d);
    if (seen.has(k)) continue;
    seen.add(k);
    const n = counts.get(k)!;
    out.push(n === 1 ? d : { ...d, message: `${d.message}（同类共 ${n} 处，--verbose 逐条列出）` });
  }
  return out;
}
