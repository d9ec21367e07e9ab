/**
 * Keystroke → new pages on the serve page, in a real browser: the sample speech pasted, then one
 * character typed at a time in the middle of a paragraph; the time from the keystroke to the new
 * pages being in the document (fonts loaded, SVG inserted) is read inside the page. Also the
 * server's own share (HTTP round trip of /api/preview). Reported, not asserted (`npm run bench:preview`).
 * Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH).
 */
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, testServer } from '../tests/serve/browser.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const sample = readFileSync(join(import.meta.dirname, '..', 'input', 'seed-speech.txt'), 'utf8');

const server = await testServer({}, 2);
const { browser, close } = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 860 });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.$eval('#editor', (el, t) => {
    (el as HTMLTextAreaElement).value = t;
    el.dispatchEvent(new Event('input'));
  }, sample);
  await page.waitForSelector('body[data-state="ready"]');
  // Timestamps inside the page: the keystroke's beforeinput (a CJK character arrives as text input, with no keydown), and each change of the render counter.
  await page.evaluate(() => {
    const w = window as unknown as { keyAt: number; renderedAt: number };
    document.addEventListener('beforeinput', () => (w.keyAt = performance.now()), true);
    new MutationObserver(() => (w.renderedAt = performance.now())).observe(document.body, { attributes: true, attributeFilter: ['data-renders'] });
  });
  // The caret in the middle of the second paragraph.
  const at = sample.indexOf('我们要从这次疫情防控阻击战中');
  const times: number[] = [];
  for (let i = 0; i < ROUNDS + 2; i++) {
    const before = await page.$eval('body', (b) => Number(b.dataset.renders));
    await page.$eval('#editor', (el, pos) => {
      (el as HTMLTextAreaElement).focus();
      (el as HTMLTextAreaElement).setSelectionRange(pos, pos);
    }, at + i);
    await page.keyboard.type(i % 2 ? '要' : '们');
    await page.waitForFunction((n) => Number(document.body.dataset.renders) > n && document.body.dataset.state === 'ready', {}, before);
    const ms = await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; renderedAt: number };
      return w.renderedAt - w.keyAt;
    });
    if (i >= 2) times.push(ms); // the first two warm the caches
  }
  // The server's share: the same request without the browser.
  const server_: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    const r = await fetch(new URL('/api/preview', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: sample.replace('我们要', i % 2 ? '我们需要' : '我们应'), name: 'seed-speech.txt' }),
    });
    await r.json();
    server_.push(performance.now() - t);
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, p90 ${s[Math.floor(s.length * 0.9)]!.toFixed(0)} ms, max ${s[s.length - 1]!.toFixed(0)} ms`;
  };
  const pages = await page.$eval('body', (b) => b.dataset.pages);
  console.log(`sample: ${sample.length} characters, ${pages} pages, ${ROUNDS} keystrokes`);
  console.log(`keystroke → new pages in the browser (60 ms debounce included): ${stats(times)}`);
  console.log(`POST /api/preview round trip:                                ${stats(server_)}`);
} finally {
  await close();
  await server.close();
}
