/** Run the checker and keep what a test compares: `line:col severity rule-id message` lines. */
import { checkSpeech } from '../../src/check/index.ts';
import type { CheckOptions } from '../../src/check/types.ts';
import type { Speech } from '../../src/model/types.ts';

/** Findings whose rule id starts with `rule`, as `line:col severity rule message`. */
export function found(speech: Speech, rule: string, options?: CheckOptions): string[] {
  return checkSpeech(speech, options)
    .filter((d) => d.ruleId.startsWith(rule))
    .map((d) => `${d.position?.start.line ?? 0}:${d.position?.start.column ?? 0} ${d.severity} ${d.ruleId} ${d.message}`);
}
