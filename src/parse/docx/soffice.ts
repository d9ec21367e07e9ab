/**
 * Converting .doc/.wps/.odt/.rtf drafts to .docx with LibreOffice, so one reader serves all Word
 * formats. Each run gets its own profile folder (parallel runs would otherwise fight over the
 * shared one) and its own temp folder, which is always removed.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** How long one conversion may take before it is abandoned. */
export const CONVERT_TIMEOUT_MS = 60_000;

/** Usual install places outside PATH (macOS app bundle, Windows program folders). */
const WELL_KNOWN = [
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** Find the LibreOffice binary: `SPEECHDOC_SOFFICE`, then PATH, then the usual install places. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env['SPEECHDOC_SOFFICE'];
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com', 'libreoffice.exe'] : ['soffice', 'libreoffice'];
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
  }
  return WELL_KNOWN.find((p) => existsSync(p));
}

/** A converted .docx, or why there is none. */
export type ConvertResult =
  | {
      /** Converted. */
      ok: true;
      /** The .docx bytes LibreOffice wrote. */
      docx: Uint8Array;
    }
  | {
      /** Not converted. */
      ok: false;
      /** Why, in words (LibreOffice's own message when it gave one). */
      reason: string;
    };

/**
 * Run soffice in its own process group: on Linux `soffice` is a script whose launcher starts
 * `soffice.bin` as a child, so on timeout the whole group is killed, not just the launcher.
 */
function runSoffice(soffice: string, args: string[], timeoutMs: number): Promise<{ error?: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const windows = process.platform === 'win32';
    const child = spawn(soffice, args, { detached: !windows, windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (!windows && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ error: e.message, stderr, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ...(code ? { error: `exit code ${code}` } : {}), stderr, timedOut });
    });
  });
}

/** How to run one conversion. */
export interface ConvertOptions {
  /** A LibreOffice import filter name to force, e.g. `MS Word 97`; by default LibreOffice detects it. */
  infilter?: string;
  /** Give up after this long. */
  timeoutMs?: number;
}

/** Convert `bytes` (a draft with extension `ext`, e.g. `doc`) to .docx with the binary `soffice`. */
export async function convertToDocx(bytes: Uint8Array, ext: string, soffice: string, options: ConvertOptions = {}): Promise<ConvertResult> {
  const timeoutMs = options.timeoutMs ?? CONVERT_TIMEOUT_MS;
  const infilter = options.infilter ? [`--infilter=${options.infilter}`] : [];
  const dir = await mkdtemp(join(tmpdir(), 'speechdoc-soffice-'));
  try {
    // An ASCII name inside our own folder: the user's file name may not survive the command line.
    const input = join(dir, `draft.${ext}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    const args = [
      '--headless', '--norestore', '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      ...infilter, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input,
    ];
    const run = await runSoffice(soffice, args, timeoutMs);
    const produced = existsSync(outDir) ? (await readdir(outDir)).find((f) => f.endsWith('.docx')) : undefined;
    if (produced) return { ok: true, docx: new Uint8Array(await readFile(join(outDir, produced))) };
    if (run.timedOut) return { ok: false, reason: `LibreOffice 在 ${Math.round(timeoutMs / 1000)} 秒内未完成` };
    const why = run.stderr.split('\n').map((s) => s.trim()).filter((s) => s && !/javaldx|java may not/i.test(s)).join(' ');
    return { ok: false, reason: why || run.error || 'LibreOffice 未生成文件' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
