/**
 * Diagnostics as text for terminals and editors: `file:line:col severity rule-id message`, the shape
 * compilers use, so editors and CI annotators can jump to the line. Hints go on the next line.
 */
import type { Diagnostic } from './diagnostic.ts';

/**
 * One diagnostic as `file:line:col severity rule-id message`, then `  hint: …` when it has a hint.
 * `file` overrides `d.file`; without either the file is `-`. Without a position line and column are 0.
 */
export function formatDiagnostic(d: Diagnostic, file?: string): string {
  const where = `${file ?? d.file ?? '-'}:${d.position?.start.line ?? 0}:${d.position?.start.column ?? 0}`;
  const head = `${where} ${d.severity} ${d.ruleId} ${oneLine(d.message)}`;
  return d.hint ? `${head}\n  hint: ${oneLine(d.hint)}` : head;
}

/** The list as a JSON array (2-space indent), each entry with its fields in a fixed order. */
export function formatDiagnosticsJson(list: readonly Diagnostic[]): string {
  const ordered = list.map((d) => ({
    file: d.file,
    line: d.position?.start.line ?? 0,
    column: d.position?.start.column ?? 0,
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    hint: d.hint,
    position: d.position,
  }));
  return JSON.stringify(ordered, null, 2);
}

/** Keep each finding on one line, whatever the message quotes. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ');
}
