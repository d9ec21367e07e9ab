/** Which files a build picks up and where each output goes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { collectInputs } from '../../src/pipeline/collect-inputs.ts';
import { workdirWith } from '../helpers/run-cli.ts';

const files = {
  'in/a.txt': 'x',
  'in/sub/b.md': 'x',
  'in/sub/deeper/c.docx': 'x',
  'in/.hidden.txt': 'x',
  'in/notes.pdf': 'x',
  'in/out/old.txt': 'x',
  'other/d.txt': 'x',
};

test('folders are walked for speech files, mirrored under the output folder; hidden files and the output folder are skipped', () => {
  const dir = workdirWith(files);
  const { jobs, problems } = collectInputs(['in'], dir, join(dir, 'in/out'));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    jobs.map((j) => [j.display, j.outStem.slice(dir.length + 1)]),
    [
      ['in/a.txt', 'in/out/a'],
      ['in/sub/b.md', 'in/out/sub/b'],
      ['in/sub/deeper/c.docx', 'in/out/sub/deeper/c'],
    ],
  );
});

test('a glob keeps the folders below its fixed part; a glob reaching outside cannot write outside the output folder', () => {
  const dir = workdirWith(files);
  const inside = collectInputs(['in/**/*.md'], dir, join(dir, 'out'));
  assert.deepEqual(inside.jobs.map((j) => j.outStem.slice(dir.length + 1)), ['out/sub/b']);
  const work = join(dir, 'in');
  const outside = collectInputs(['../other/*.txt'], work, join(work, 'out'));
  for (const j of outside.jobs) assert.ok(j.outStem.startsWith(join(work, 'out')), j.outStem);
  assert.equal(outside.jobs.length + outside.problems.length, 1);
});

test('two inputs with one output name are both reported; a missing argument is a usage problem', () => {
  const dir = workdirWith({ 'in/a.txt': 'x', 'in/a.md': 'x' });
  const { jobs, problems } = collectInputs(['in', 'nothing-here.txt', 'in/*.json'], dir, join(dir, 'out'));
  assert.deepEqual(jobs, []);
  assert.deepEqual(problems.filter((p) => !p.usage).map((p) => p.display).sort(), ['in/a.md', 'in/a.txt']);
  assert.deepEqual(problems.filter((p) => p.usage).map((p) => p.display), ['nothing-here.txt', 'in/*.json']);
});
