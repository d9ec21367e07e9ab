/** Poppler and qpdf, run on a PDF written to a temporary file, for renderer tests. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'render-pdf-'));
let counter = 0;

/** Write bytes to a fresh temporary .pdf and return its path. */
export function tempPdf(bytes: Uint8Array): string {
  const file = join(dir, `t${++counter}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

/** Run a tool and return its standard output (throws on a non-zero exit). */
export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** `pdftotext -raw` of one page (1-based) or of the whole file. */
export function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-']);
}

/** `pdfinfo` as a key → value map. */
export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** `pdffonts` rows: name, type, emb, sub, uni. */
export function pdfFonts(file: string): { name: string; type: string; emb: string; sub: string; uni: string }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      const n = cols.length;
      return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), emb: cols[n - 5]!, sub: cols[n - 4]!, uni: cols[n - 3]! };
    });
}

/** Every object of the file, from `qpdf --json=2` (`obj:N 0 R` → value). */
export function pdfObjects(file: string): Record<string, unknown> {
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', file])) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(json.qpdf[1])) out[k.replace(/^obj:/, '')] = v.value;
  return out;
}

/** A qpdf JSON string value without its `u:` (unicode) or `b:` prefix. */
export function str(v: unknown): string {
  return String(v).replace(/^[ub]:/, '');
}

/** The XMP packet (written uncompressed by pdfkit). */
export function xmpPacket(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('latin1');
  const start = text.indexOf('<?xpacket begin');
  const end = text.indexOf('<?xpacket end="w"?>');
  if (start < 0 || end < 0) throw new Error('no XMP packet');
  return Buffer.from(text.slice(start, end + '<?xpacket end="w"?>'.length), 'latin1').toString('utf8');
}
