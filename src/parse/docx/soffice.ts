/**
 * Converting .doc/.wps/.odt/.rtf drafts to .docx with LibreOffice, so one reader serves all Word
 * formats. Each run gets its own profile folder (parallel runs would otherwise fight over the
 * shared one) and its own temp folder, which is always removed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
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

/** Told when a conversion starts and ends, so whoever owns the process (a worker's parent) can kill it on an interrupt. */
export interface ConversionListener {
  /** A LibreOffice process group `pid` started, working in the temp folder `dir`. */
  started(pid: number, dir: string): void;
  /** That process group ended and its folder is gone. */
  ended(pid: number): void;
}

/** LibreOffice process groups running now, with their temp folders. */
const live = new Map<number, string>();
let listener: ConversionListener | undefined;

/** Set who hears about conversions (a worker thread forwards them to the main thread). */
export function setConversionListener(l: ConversionListener | undefined): void {
  listener = l;
}

/** Where conversions make their temp folders; the system temp folder unless set. */
let conversionBase: string | undefined;

/**
 * Make conversion temp folders inside `dir` (a worker's own folder, made by the main thread): the
 * main thread can then remove a conversion's folder even when the worker is stopped before it could
 * say the folder exists.
 */
export function setConversionFolder(dir: string | undefined): void {
  conversionBase = dir;
}

/** Kill every running conversion's process group and remove its temp folder; synchronous, for signal handlers. */
export function killConversions(): void {
  for (const [pid, dir] of live) {
    killGroup(pid);
    rmSync(dir, { recursive: true, force: true });
  }
  live.clear();
  // Folders made before their LibreOffice started (an interrupt can land in between).
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}

/** Temp folders of conversions in progress, from creation to removal. */
const folders = new Set<string>();

function killGroup(pid: number): void {
  try {
    if (process.platform !== 'win32') process.kill(-pid, 'SIGKILL');
    else process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
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
function runSoffice(soffice: string, args: string[], timeoutMs: number, dir: string): Promise<{ error?: string; stderr: string; timedOut: boolean; pid?: number }> {
  return new Promise((resolve) => {
    const windows = process.platform === 'win32';
    // Offline twice over: in a network namespace of its own where the system allows one (Linux), and
    // with proxies that lead nowhere (the profile's settings, and the environment for curl).
    const [cmd, argv] = withoutNetwork(soffice, args);
    const env = { ...process.env, http_proxy: DEAD_PROXY, https_proxy: DEAD_PROXY, ftp_proxy: DEAD_PROXY, all_proxy: DEAD_PROXY, HTTP_PROXY: DEAD_PROXY, HTTPS_PROXY: DEAD_PROXY, ALL_PROXY: DEAD_PROXY, no_proxy: '', NO_PROXY: '' };
    const child = spawn(cmd, argv, { detached: !windows, windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'], env });
    const pid = child.pid;
    if (pid) {
      // Registered until its folder is removed, so an interrupt kills it and removes the draft's copy.
      live.set(pid, dir);
      listener?.started(pid, dir);
    }
    let stderr = '';
    let timedOut = false;
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      if (pid) killGroup(pid);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ error: e.message, stderr, timedOut, ...(pid ? { pid } : {}) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // The launcher may exit before soffice.bin: make sure nothing of the group outlives the run.
      if (pid && !windows) killGroup(pid);
      resolve({ ...(code ? { error: `exit code ${code}` } : {}), stderr, timedOut, ...(pid ? { pid } : {}) });
    });
  });
}

/**
 * LibreOffice settings for a conversion that must not touch the network: a draft can link images,
 * sections and OLE objects by URL, and LibreOffice fetches them while loading (a request to any
 * address the draft names, from the user's machine). The profile blocks links from untrusted
 * documents, sends every HTTP, HTTPS and FTP request to a proxy on the discard port of localhost
 * (so it fails at once), and turns off update checks and crash reporting.
 */
export const OFFLINE_SETTINGS: ReadonlyArray<[path: string, name: string, type: string, value: string]> = [
  ['/org.openoffice.Office.Common/Security/Scripting', 'BlockUntrustedRefererLinks', 'boolean', 'true'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'DisableActiveContent', 'boolean', 'true'],
  ['/org.openoffice.Office.Common/Security/Scripting', 'MacroSecurityLevel', 'int', '3'],
  ['/org.openoffice.Inet/Settings', 'ooInetProxyType', 'int', '1'],
  ['/org.openoffice.Inet/Settings', 'ooInetHTTPProxyName', 'string', '127.0.0.1'],
  ['/org.openoffice.Inet/Settings', 'ooInetHTTPProxyPort', 'int', '9'],
  ['/org.openoffice.Inet/Settings', 'ooInetHTTPSProxyName', 'string', '127.0.0.1'],
  ['/org.openoffice.Inet/Settings', 'ooInetHTTPSProxyPort', 'int', '9'],
  ['/org.openoffice.Inet/Settings', 'ooInetFTPProxyName', 'string', '127.0.0.1'],
  ['/org.openoffice.Inet/Settings', 'ooInetFTPProxyPort', 'int', '9'],
  ['/org.openoffice.Inet/Settings', 'ooInetNoProxy', 'string', ''],
  ['/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job[\'UpdateCheck\']/Arguments', 'AutoCheckEnabled', 'boolean', 'false'],
  ['/org.openoffice.Office.Recovery/AutoSave', 'Enabled', 'boolean', 'false'],
  ['/org.openoffice.Office.Common/Misc', 'CrashReport', 'boolean', 'false'],
];

/** Write the offline settings into a fresh profile folder (LibreOffice reads `user/registrymodifications.xcu` at start). */
async function writeOfflineProfile(profile: string): Promise<void> {
  const items = OFFLINE_SETTINGS.map(
    ([path, name, type, value]) => `<item oor:path="${path.replace(/'/g, '&apos;')}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${items.join('\n')}\n</oor:items>\n`;
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), xml);
}

/** A proxy address nothing listens on (the discard port): every request through it fails at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

let namespaces: boolean | undefined;

/** `soffice args`, run through `unshare -rn` (no network at all) when this Linux allows user namespaces. */
function withoutNetwork(soffice: string, args: string[]): [string, string[]] {
  // SPEECHDOC_NO_UNSHARE=1 leaves only the profile's settings (the test that they hold by themselves).
  if (process.platform !== 'linux' || process.env['SPEECHDOC_NO_UNSHARE']) return [soffice, args];
  namespaces ??= spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return namespaces ? ['unshare', ['-rn', soffice, ...args]] : [soffice, args];
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
  const dir = await mkdtemp(join(conversionBase ?? tmpdir(), 'speechdoc-soffice-'));
  folders.add(dir);
  let pid: number | undefined;
  try {
    // An ASCII name inside our own folder: the user's file name may not survive the command line.
    const input = join(dir, `draft.${ext}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    await writeOfflineProfile(join(dir, 'profile'));
    const args = [
      '--headless', '--norestore', '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      ...infilter, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, input,
    ];
    const run = await runSoffice(soffice, args, timeoutMs, dir);
    pid = run.pid;
    const produced = existsSync(outDir) ? (await readdir(outDir)).find((f) => f.endsWith('.docx')) : undefined;
    if (produced) return { ok: true, docx: new Uint8Array(await readFile(join(outDir, produced))) };
    if (run.timedOut) return { ok: false, reason: `LibreOffice 在 ${Math.round(timeoutMs / 1000)} 秒内未完成` };
    const why = run.stderr.split('\n').map((s) => s.trim()).filter((s) => s && !/javaldx|java may not/i.test(s)).join(' ');
    return { ok: false, reason: why || run.error || 'LibreOffice 未生成文件' };
  } finally {
    await rm(dir, { recursive: true, force: true });
    folders.delete(dir);
    if (pid !== undefined && live.delete(pid)) listener?.ended(pid);
  }
}
