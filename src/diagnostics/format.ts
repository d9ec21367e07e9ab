/**
 * Diagnostics as text for terminals and editors: `file:line:col severity rule-id message`, the shape
 * compilers use, so editors and CI annotators can jump to the line. Hints go on the next line.
 */
import type { Diagnostic } from './diagnostic.ts';
import { t } from '../i18n/index.ts';

/**
 * One diagnostic as `file:line:col severity rule-id message`, the quoted source text after it, then
 * `  提示：…` when it has a hint. The severity word is in the user's language, the rule id never
 * changes. `file` overrides `d.file`; without either the file is `-`. A finding about the whole file
 * says so (`a.txt（全文）`) rather than pointing at a line 0 that does not exist.
 */
export function formatDiagnostic(d: Diagnostic, file?: string): string {
  const m = t().finding;
  const name = file ?? d.file ?? '-';
  const where = d.position ? `${name}:${d.position.start.line}:${d.position.start.column}` : `${name}${m.wholeFile}`;
  const quote = d.excerpt ? ` ${m.quote(oneLine(d.excerpt))}` : '';
  const head = `${where} ${m.severity[d.severity] ?? d.severity} ${d.ruleId} ${oneLine(d.message)}${quote}`;
  return d.hint ? `${head}\n  ${m.hint}${oneLine(d.hint)}` : head;
}

/** The list as a JSON array (2-space indent), each entry with its fields in a fixed order. */
export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  const ordered = list.map((d) => ({
    file: d.file,
    // null, not 0: a finding about the whole file has no line.
    line: d.position?.start.line ?? null,
    column: d.position?.start.column ?? null,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    hint: d.hint,
    excerpt: d.excerpt,
    position: d.position,
  }));
  return JSON.stringify(ordered, null, 2);
}

/** Keep each finding on one line, whatever the message quotes. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ');
}
