/**
 * `npm run corpus`: parse every text of ../shared/corpus and compare its title block, salutations,
 * furniture and heading outline with the expectations written after reading each text
 * (tests/corpus/expectations/*.json). Skips with a message when the corpus is absent (a clone).
 * `--write DIR` also writes each file's found summary to DIR (for before/after notes).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpeechFile } from '../src/parse/index.ts';
import { compare, summarize, type CorpusSummary } from '../tests/corpus/summarize.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const expectations = join(root, 'tests', 'corpus', 'expectations');

/** Result of one corpus file. */
export interface CorpusResult {
  /** Corpus file name. */
  file: string;
  /** Differences from the expectation; empty when it matches. */
  problems: string[];
  /** What the parser found. */
  found: CorpusSummary;
}

/** The corpus folder, or undefined when it is not there. */
export function corpusDir(): string | undefined {
  return existsSync(corpus) ? corpus : undefined;
}

/** Parse and compare every corpus text. */
export async function runCorpus(dir: string): Promise<CorpusResult[]> {
  const out: CorpusResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const r = await parseSpeechFile(readFileSync(join(dir, file)), { file });
    const found = summarize(r.value!);
    const expFile = join(expectations, file.replace(/(\.gbk)?\.txt$/, '.json'));
    const problems = existsSync(expFile) ? compare(JSON.parse(readFileSync(expFile, 'utf8')) as CorpusSummary, found) : ['没有预期文件 ' + expFile];
    out.push({ file, problems, found });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = corpusDir();
  if (!dir) {
    console.log(`跳过：找不到语料目录 ${corpus}`);
    process.exit(0);
  }
  const w = process.argv.indexOf('--write');
  const writeTo = w > 0 ? process.argv[w + 1] : undefined;
  if (writeTo) mkdirSync(writeTo, { recursive: true });
  const results = await runCorpus(dir);
  for (const r of results) {
    if (writeTo) writeFileSync(join(writeTo, r.file.replace(/(\.gbk)?\.txt$/, '.json')), `${JSON.stringify(r.found, null, 2)}\n`);
    console.log(`${r.problems.length === 0 ? 'ok  ' : 'FAIL'} ${r.file}`);
    for (const p of r.problems) console.log(`       ${p}`);
  }
  const ok = results.filter((r) => r.problems.length === 0).length;
  console.log(`${ok}/${results.length} 与预期一致`);
  process.exit(ok === results.length ? 0 : 1);
}
