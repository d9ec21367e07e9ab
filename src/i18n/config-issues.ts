/**
 * Config validation messages in the user's language. zod 4's own zh-CN locale leaves type names in
 * English (“期望 数字，实际接收 string”); these name what the setting should be in plain words.
 */
import type * as z from 'zod';
import { t } from './index.ts';

/** The value's kind as a user would name it. */
function kindOf(input: unknown): string {
  const types = t().types;
  if (Array.isArray(input)) return types.array!;
  if (input === null) return types.null!;
  return types[typeof input] ?? typeof input;
}

function list(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(t().listSep);
}

/** One zod issue of a config file as a sentence (the field path is printed by the caller). */
export function configIssueMessage(issue: z.core.$ZodIssue): string {
  const m = t().zod;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return m.notInteger;
      return m.invalidType(t().types[issue.expected] ?? issue.expected, kindOf(issue.input));
    case 'invalid_value':
      return m.invalidValue(list(issue.values));
    case 'unrecognized_keys':
      return m.unknownKeys(issue.keys.join(', '));
    case 'too_small':
      if (issue.origin === 'string') return m.emptyString;
      if (issue.origin === 'array') return m.tooSmallLength(String(issue.minimum));
      return m.tooSmallNumber(String(issue.minimum));
    case 'too_big':
      return m.tooBigNumber(String(issue.maximum));
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues[0] ? configIssueMessage(issue.issues[0]) : issue.message;
    case 'invalid_union':
      return issue.errors[0]?.[0] ? configIssueMessage(issue.errors[0][0]) : issue.message;
    default:
      // custom refinements carry their own (already translated) message.
      return issue.message;
  }
}
