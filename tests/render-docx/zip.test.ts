/**
 * The Word copy's zip writer (src/render/docx/zip.ts), read back by fflate: entries in order,
 * deflated and stored parts intact, one fixed time; a part zipped again with the same bytes gives
 * the same zip (its deflated bytes are reused), and a part whose bytes changed — also when the
 * caller changed its own array in place after the first zip — is deflated anew.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import { zipEntries } from '../../src/render/docx/zip.ts';

const DATE = new Date(Date.UTC(2024, 0, 5, 8, 30, 10));
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const theme = () => enc('<a:theme name="Office">'.repeat(200));

test('entries come back in order with their bytes, deflated or stored', async () => {
  const zip = await zipEntries(
    [
      { name: '[Content_Types].xml', data: enc('<Types/>'), level: 6 },
      { name: 'word/theme/theme1.xml', data: theme(), level: 6 },
      { name: 'word/fonts/font1.odttf', data: Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) % 251), level: 0 },
    ],
    DATE,
  );
  const files = unzipSync(zip);
  assert.deepEqual(Object.keys(files), ['[Content_Types].xml', 'word/theme/theme1.xml', 'word/fonts/font1.odttf']);
  assert.equal(dec(files['word/theme/theme1.xml']!), dec(theme()));
  assert.equal(files['word/fonts/font1.odttf']![2999], (2999 * 7) % 251);
  assert.ok(zip.length < theme().length, 'the repetitive theme is deflated');
});

test('the same part again gives the same zip; a changed part is deflated anew', async () => {
  const first = await zipEntries([{ name: 'word/theme/theme1.xml', data: theme(), level: 6 }], DATE);
  assert.deepEqual(await zipEntries([{ name: 'word/theme/theme1.xml', data: theme(), level: 6 }], DATE), first);

  // The caller reuses its array: the writer must not have kept a reference to it.
  const data = enc('<w:settings>甲</w:settings>');
  // Changed right after the call, before the zip is done.
  const before = zipEntries([{ name: 'word/settings.xml', data, level: 6 }], DATE);
  data.set(enc('<w:settings>乙</w:settings>'));
  assert.equal(dec(unzipSync(await before)['word/settings.xml']!), '<w:settings>甲</w:settings>');
  const changed = unzipSync(await zipEntries([{ name: 'word/settings.xml', data, level: 6 }], DATE));
  assert.equal(dec(changed['word/settings.xml']!), '<w:settings>乙</w:settings>');

  // Same bytes at another level are not the same entry.
  const stored = await zipEntries([{ name: 'word/theme/theme1.xml', data: theme(), level: 0 }], DATE);
  assert.ok(stored.length > first.length);
  assert.equal(dec(unzipSync(stored)['word/theme/theme1.xml']!), dec(theme()));
});
