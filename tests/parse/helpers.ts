/** Test helpers for the parser tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { inlineText } from '../../src/model/to-plain-text.ts';
import type { Inline, Node, Speech } from '../../src/model/types.ts';
import { visit } from '../../src/model/visit.ts';

/** Absolute path of a file relative to the repository root. */
export function repoPath(rel: string): string {
  return fileURLToPath(new URL(`../../${rel}`, import.meta.url));
}

/** Bytes of a repository file. */
export function readBytes(rel: string): Uint8Array {
  return new Uint8Array(readFileSync(repoPath(rel)));
}

/** A deep copy of `value` without `position`/`positions` fields, for comparing models across formats. */
export function withoutPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'position' || k === 'positions' ? undefined : v))) as T;
}

/** Every text a reader sees in the speech body and meta, one string per text-bearing node. */
export function allTexts(speech: Speech): string[] {
  const out = [speech.meta.title, speech.meta.subtitle ?? '', speech.meta.speaker ?? '', speech.meta.date ?? ''];
  visit(speech, (n: Node) => {
    if (n.type === 'text' || n.type === 'placeholder') out.push(n.value);
    if (n.type === 'heading') out.push(n.marker + inlineText(n.children));
  });
  return out;
}

/** The body as one string (for searching what the reader will see). */
export function bodyText(speech: Speech): string {
  const parts: string[] = [];
  visit(speech, (n: Node) => {
    if (n.type === 'heading') parts.push(n.marker);
    if (n.type === 'text' || n.type === 'placeholder') parts.push(n.value);
  });
  return parts.join('');
}

/** Only errors and warnings (info diagnostics are normalization reports). */
export function problems(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity !== 'info');
}

/** Inline children of a block, or [] for tables. */
export function inlines(speech: Speech, index: number): Inline[] {
  const b = speech.children[index];
  return b && b.type !== 'table' ? b.children : [];
}
