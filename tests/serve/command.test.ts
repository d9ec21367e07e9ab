/** `speechdoc serve` as a user starts it: prints the URL, serves, warns for --host, stops cleanly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCli, runCli, tempDir, testEnv } from '../helpers/run-cli.ts';

/** Start `serve`, wait for its URL line, return it with the process. */
async function serve(args: string[], tmp = tempDir()) {
  const child = startCli(['serve', '--port', '0', '--no-system-fonts', '--jobs', '1', ...args], tempDir(), testEnv({ TMPDIR: tmp }));
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const t = setInterval(() => {
      const m = /(http:\/\/\S+\/)/.exec(stdout);
      if (m) {
        clearInterval(t);
        resolve(m[1]!);
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(t);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  return { child, url, exited, out: () => ({ stdout, stderr }) };
}

test('serve prints the page address on 127.0.0.1, serves it, and stops on SIGTERM removing its temp folder', async () => {
  const tmp = tempDir();
  const s = await serve([], tmp);
  assert.equal(readdirSync(tmp).filter((n) => n.startsWith('speechdoc-serve-')).length, 1, 'a private temp folder while serving');
  assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.match(s.out().stdout, /已启动，请在浏览器打开/);
  const page = await fetch(s.url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /讲话稿排版/);
  const r = await fetch(new URL('/api/preview', s.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: '在全县大会上的讲话\n同志们：\n今天开会。' }) });
  assert.equal(r.status, 200);
  assert.equal((await r.json()).pages.length, 1);
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0);
  assert.match(s.out().stderr, /已停止，临时文件已删除/);
  assert.deepEqual(readdirSync(tmp).filter((n) => n.startsWith('speechdoc-serve-')), [], 'removed on stop');
});

test('--host other than this computer is warned about', async () => {
  const s = await serve(['--host', '0.0.0.0']);
  assert.match(s.out().stderr, /同一网络里的其他电脑也能打开/);
  s.child.kill('SIGTERM');
  assert.equal(await s.exited, 0);
});

test('a bad --port is a usage error in Chinese', () => {
  const r = runCli(['serve', '--port', '70000'], tempDir());
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--port 应为 0 到 65535 的整数/);
});

test('--open hands the page address to the desktop\'s opener (xdg-open here); without one it says to open it by hand', async () => {
  const bin = tempDir();
  const seen = join(bin, 'opened.txt');
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > "${seen}"\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  const child = startCli(['serve', '--port', '0', '--no-system-fonts', '--jobs', '1', '--open'], tempDir(), testEnv({ PATH: `${bin}:${process.env.PATH}` }));
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  for (let i = 0; i < 400 && !existsSync(seen); i++) await new Promise((r) => setTimeout(r, 50));
  const url = /(http:\/\/\S+\/)/.exec(stdout)?.[1];
  assert.ok(url, stdout);
  assert.equal(readFileSync(seen, 'utf8').trim(), url);
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));

  // No opener on PATH: the page still runs, and the user is told to open the address.
  const empty = tempDir();
  const lone = startCli(['serve', '--port', '0', '--no-system-fonts', '--jobs', '1', '--open'], tempDir(), testEnv({ PATH: empty }));
  let stderr = '';
  lone.stderr.on('data', (d) => (stderr += d));
  for (let i = 0; i < 400 && !/无法自动打开浏览器/.test(stderr); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(stderr, /无法自动打开浏览器，请手动打开 http:\/\/127\.0\.0\.1:\d+\//);
  lone.kill('SIGTERM');
  assert.equal(await new Promise((r) => lone.on('exit', r)), 0);
});
