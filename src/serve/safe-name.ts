/**
 * File names from the client are only ever used as the last part of a name inside a private temp
 * folder (and in the zip that goes back): folders, drive letters, `..`, control and reserved
 * characters are stripped, and the name is bounded. No path from the client reaches the file system.
 */

/** Longest name kept, in characters (file systems allow 255 bytes; CJK takes three each). */
const MAX_NAME_CHARS = 80;

/** A safe base name for an uploaded file; `fallback` when nothing usable is left. */
export function safeName(name: string | undefined, fallback = '讲话稿.txt'): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = base
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean || /^\.+$/.test(clean)) return fallback;
  if (clean.length > MAX_NAME_CHARS) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = Array.from(clean.slice(0, clean.length - ext.length)).slice(0, MAX_NAME_CHARS - ext.length).join('') + ext;
  }
  return clean;
}

/** Names made unique within one batch: a second `a.txt` becomes `a (2).txt`. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let candidate = n;
    const dot = n.lastIndexOf('.');
    const stem = dot > 0 ? n.slice(0, dot) : n;
    const ext = dot > 0 ? n.slice(dot) : '';
    for (let i = 2; seen.has(candidate.toLowerCase()) || seen.has(stemKey(candidate)); i++) candidate = `${stem} (${i})${ext}`;
    seen.add(candidate.toLowerCase());
    seen.add(stemKey(candidate));
    return candidate;
  });
}

/** Two inputs with one stem (a.txt, a.md) would write the same a.pdf: the stem must be unique too. */
function stemKey(name: string): string {
  const dot = name.lastIndexOf('.');
  return `stem:${(dot > 0 ? name.slice(0, dot) : name).toLowerCase()}`;
}
