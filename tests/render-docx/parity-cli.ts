/**
 * By hand: parity of the handout and the Word copy for text files (e.g. corpus texts).
 * `node --import tsx tests/render-docx/parity-cli.ts [--docx-fonts embed|system] [-v] FILE...`
 * builds both with the CLI, converts the DOCX with LibreOffice (own profile) and prints pages and
 * the share of lines breaking at the same character.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { compareParity, parityLines } from './parity.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const modeAt = args.indexOf('--docx-fonts');
const mode = modeAt >= 0 ? args[modeAt + 1]! : undefined;
const files = args.filter((a, i) => !a.startsWith('-') && (modeAt < 0 || i !== modeAt + 1));
const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'speechdoc-parity-'));
try {
  for (const file of files) {
    const out = join(dir, basename(file).replace(/\.[^.]+$/, ''));
    const build = spawnSync('node', [join(root, 'bin/speechdoc.js'), 'build', file, '-o', out, '-q', ...(mode ? ['--docx-fonts', mode] : [])], {
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
    });
    const pdf = readdirSync(out).find((n) => n.endsWith('.pdf'));
    const docx = readdirSync(out).find((n) => n.endsWith('.docx'));
    if (!pdf || !docx) {
      console.log(`${file}: build failed ${build.stderr}`);
      continue;
    }
    const lo = join(out, 'lo');
    spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', lo, join(out, docx)], { encoding: 'utf8' });
    const p = compareParity(parityLines(join(out, pdf)), parityLines(join(lo, docx.replace(/\.docx$/, '.pdf'))));
    console.log(
      `${basename(file)}: pages ${p.pagesA}/${p.pagesB}, same breaks ${p.same}/${p.linesA} = ${(100 * p.share).toFixed(1)} %, paragraph-first differences ${p.firsts}${p.sameText ? '' : ' (texts differ)'}`,
    );
    if (verbose) for (const d of p.differing) console.log(`  p${d.page} PDF ${d.a}\n      DOCX ${d.b}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
