import assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusDir, runCorpus } from '../../scripts/corpus.ts';

// The development corpus lives outside the repository (../shared/corpus); a clone skips this test.
const dir = corpusDir();

test('every corpus text matches the title block, salutations, furniture and outline written for it', { skip: dir ? false : 'no ../shared/corpus here' }, async () => {
  const results = await runCorpus(dir!);
  assert.ok(results.length >= 39, `only ${results.length} corpus texts`);
  const failed = results.filter((r) => r.problems.length > 0).map((r) => `${r.file}: ${r.problems.join('; ')}`);
  assert.deepEqual(failed, []);
});
