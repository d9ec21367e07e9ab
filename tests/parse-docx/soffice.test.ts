/** The LibreOffice runner with a stand-in binary: timeouts kill the whole process group, temp dirs go. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { convertToDocx, findSoffice } from '../../src/parse/docx/soffice.ts';

const posix = process.platform !== 'win32';

test('a hanging LibreOffice is killed with its children, reported, and its temp dir removed', { skip: posix ? false : 'POSIX shell test' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-fake-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fake = join(dir, 'soffice');
  // Like the real launcher: the work happens in a child process.
  writeFileSync(fake, `#!/bin/sh\nsleep 600 &\necho $! > "${dir}/child.pid"\nwait\n`);
  chmodSync(fake, 0o755);
  // A private TMPDIR shows whether the converter's own temp dir is gone afterwards.
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const savedTmp = process.env['TMPDIR'];
  process.env['TMPDIR'] = tmp;
  const r = await convertToDocx(new Uint8Array([1]), 'doc', fake, { timeoutMs: 300 }).finally(() => {
    if (savedTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = savedTmp;
  });
  assert.deepEqual(readdirSync(tmp), []);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /未完成/);
  const pid = Number(readFileSync(join(dir, 'child.pid'), 'utf8'));
  // The child may take a moment to be reaped; signal 0 fails once it is gone or a zombie is reaped.
  let alive = true;
  for (let i = 0; i < 50 && alive; i++) {
    try {
      process.kill(pid, 0);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      alive = !/\) Z /.test(stat);
    } catch {
      alive = false;
    }
    if (alive) await new Promise((res) => setTimeout(res, 100));
  }
  assert.equal(alive, false, 'the launcher\'s child was killed too');
});

test('a LibreOffice that writes nothing is a failure with its message', { skip: posix ? false : 'POSIX shell test' }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-fake-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fake = join(dir, 'soffice');
  writeFileSync(fake, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n');
  chmodSync(fake, 0o755);
  const r = await convertToDocx(new Uint8Array([1]), 'doc', fake);
  assert.deepEqual(r, { ok: false, reason: 'Error: source file could not be loaded' });
});

test('findSoffice honours SPEECHDOC_SOFFICE, then PATH', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechdoc-fake-'));
  try {
    const fake = join(dir, 'soffice');
    writeFileSync(fake, '');
    assert.equal(findSoffice({ SPEECHDOC_SOFFICE: fake }), fake);
    assert.equal(findSoffice({ SPEECHDOC_SOFFICE: join(dir, 'missing') }), undefined);
    assert.equal(findSoffice({ PATH: dir }), fake);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
