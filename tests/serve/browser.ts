/** Debian's chromium driven by puppeteer-core (no browser download), and a test server. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { defineBuildOptions } from '../../src/pipeline/define-options.ts';
import { startServe, type Started } from '../../src/serve/start.ts';
import type { BuildOptionsInput } from '../../src/config/options.ts';

/** The browser CI installs (.ci/run). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch headless chromium with a fresh profile; `close` also removes the profile. */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'speechdoc-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Under a zh_CN locale (the suite runs with LANG=zh_CN.UTF-8) headless chromium drops blob
    // downloads; the page itself is Chinese whatever the browser's own locale is.
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
    // puppeteer's 30 s was once too short for chromium's start while the rest of the suite ran
    // (7 browser tests failed waiting for its WS endpoint, and passed alone): a slow start is not a
    // failure of ours.
    timeout: 120_000,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A server on a free port of 127.0.0.1 with bundled fonts only (as every test uses). */
export async function testServer(options: BuildOptionsInput = {}, workers = 1): Promise<Started> {
  process.env.SOURCE_DATE_EPOCH ??= '1700000000';
  return startServe({ build: defineBuildOptions({ systemFonts: false, ...options }, process.cwd()), port: 0, workers });
}

/** Let downloads of `page` land in a fresh folder; returns it. */
export async function downloadsOf(page: Page): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-downloads-'));
  const session = await page.createCDPSession();
  await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  return dir;
}

/** Wait until a finished file with this extension is in `dir`, and return its path. */
export async function downloaded(dir: string, ext: string, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const f = readdirSync(dir).find((n) => n.endsWith(ext));
    if (f) return join(dir, f);
    if (Date.now() > until) throw new Error(`no ${ext} download in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
