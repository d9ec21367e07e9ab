/**
 * `rules:` in a config file: switch a finding off, or change how much it counts, per rule id
 * (`numbering/gap: off`) or per area (`numbering/*: info`). Applied to every finding of a file before
 * it is judged, so a rule set to `info` no longer fails a `--strict` build and `off` is not printed.
 */
import * as z from 'zod'; // a namespace import, so the bundle keeps only the parts used (0.2 of zod's 0.75 MB)
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { t } from '../i18n/index.ts';

/** What a rule can be set to. */
export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
/** One of them. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Rule areas findings come from; a key in another area is a typo, not a rule. */
export const RULE_AREAS = [
  'brackets', 'build', 'decode', 'document', 'docx', 'draft', 'fonts', 'input', 'json', 'markdown',
  'normalize', 'numbering', 'paragraph', 'parse', 'placeholder',
] as const;

/** `area/name` or `area/*`, with a known area. */
const RULE_KEY = new RegExp(`^(${RULE_AREAS.join('|')})/([a-z0-9-]+|\\*)$`);

/** The schema of `rules:`. */
export const rulesSchema = z.record(
  z.string().regex(RULE_KEY, { error: () => t().zod.ruleKey(RULE_AREAS.join(', ')) }),
  z.enum(RULE_LEVELS),
);

/** Rule id → level. */
export type RuleSettings = Partial<Record<string, RuleLevel>>;

/** The level set for a finding's rule: its own id first, then its area's `*`. */
export function levelFor(ruleId: string, rules: RuleSettings): RuleLevel | undefined {
  return rules[ruleId] ?? rules[`${ruleId.split('/')[0]}/*`];
}

/** The findings with the configured levels applied; `off` ones removed. */
export function applyRules(list: readonly Diagnostic[], rules: RuleSettings | undefined): Diagnostic[] {
  if (!rules || Object.keys(rules).length === 0) return [...list];
  const out: Diagnostic[] = [];
  for (const d of list) {
    const level = levelFor(d.ruleId, rules);
    if (level === 'off') continue;
    out.push(level ? { ...d, severity: level as Severity } : d);
  }
  return out;
}
