/**
 * Every sample in input/, through the real CLI: identical bytes for --jobs 1 and --jobs 2 under
 * SOURCE_DATE_EPOCH, every PDF accepted by qpdf with its text back from pdftotext, every DOCX
 * opened by LibreOffice with its text back too; and two builds racing on one output folder
 * leave only complete files.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { join, basename } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli, startCli, tempDir, ROOT } from '../helpers/run-cli.ts';
import { parseSpeechFile } from '../../src/parse/index.ts';

const INPUT = join(ROOT, 'input');
const samples = readdirSync(INPUT).filter((f) => /\.(txt|md|json)$/.test(f)).sort();
const work = tempDir('speechdoc-samples-');
const out1 = join(work, 'jobs1');
const out2 = join(work, 'jobs2');
const titles = new Map<string, string>();
const squash = (s: string) => s.replace(/\s+/g, '');

before(async () => {
  for (const f of samples) {
    const { value: speech } = await parseSpeechFile(readFileSync(join(INPUT, f)), { file: f });
    titles.set(f.replace(/\.\w+$/, ''), speech!.meta.title);
  }
  const a = runCli(['build', INPUT, '-o', out1, '--jobs', '1', '--no-system-fonts', '-q'], work);
  assert.equal(a.code, 0, a.stderr);
  const b = runCli(['build', INPUT, '-o', out2, '--jobs', '2', '--no-system-fonts', '-q'], work);
  assert.equal(b.code, 0, b.stderr);
});

test('every sample gives byte-identical PDF and DOCX with --jobs 1 and --jobs 2', () => {
  const names = readdirSync(out1).sort();
  // A PDF and a DOCX per sample, and build's index.html: all byte-identical.
  assert.equal(names.length, samples.length * 2 + 1);
  assert.deepEqual(readdirSync(out2).sort(), names);
  for (const n of names) assert.ok(readFileSync(join(out1, n)).equals(readFileSync(join(out2, n))), `${n} differs`);
});

test('qpdf accepts every PDF and pdftotext gives its title back', () => {
  for (const n of readdirSync(out1).filter((f) => f.endsWith('.pdf'))) {
    execFileSync('qpdf', ['--check', join(out1, n)], { stdio: 'pipe' });
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', join(out1, n), '-'], { encoding: 'utf8' }));
    const title = squash(titles.get(basename(n, '.pdf'))!);
    assert.ok(text.startsWith(title), `${n}: ${text.slice(0, 40)}`);
  }
});

test('LibreOffice opens every DOCX, and its text comes back', () => {
  for (const n of readdirSync(out1).filter((f) => f.endsWith('.docx'))) {
    // One file per LibreOffice run: it keeps the first embedded font of a name for the session.
    const dir = mkdtempSync(join(tmpdir(), 'speechdoc-lo-'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(out1, n)], { stdio: 'pipe', timeout: 120_000 });
    const pdf = join(dir, basename(n, '.docx') + '.pdf');
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
    assert.ok(text.includes(squash(titles.get(basename(n, '.docx'))!)), `${n}: ${text.slice(0, 40)}`);
  }
});

test('two builds racing on one output folder leave only complete files', async () => {
  const out = join(work, 'race');
  const run = () =>
    new Promise<number | null>((resolve) => {
      const child = startCli(['build', INPUT, '-o', out, '--jobs', '1', '--no-system-fonts', '-q'], work);
      child.on('exit', (code) => resolve(code));
    });
  const codes = await Promise.all([run(), run()]);
  assert.deepEqual(codes, [0, 0]);
  const names = readdirSync(out).sort();
  assert.deepEqual(names, readdirSync(out1).sort(), 'no temporaries left, every output present');
  for (const n of names) assert.ok(readFileSync(join(out, n)).equals(readFileSync(join(out1, n))), `${n} is not the complete file`);
});
