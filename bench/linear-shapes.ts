/**
 * The generated input shapes that were quadratic or overflowed the stack before (issue 14), and the
 * measuring side of `npm run bench:linear`: run as a program with a shape's name, it prints the
 * best-of-three parse times of that shape at n, 2n and 4n as JSON. Each shape is measured in a fresh
 * process, so no other shape's heap makes its garbage collection dearer. The test suite parses the
 * same shapes at 4n for their content (tests/reliability/shapes.test.ts), never for their time.
 */
import { strToU8, zipSync } from 'fflate';
import { parseSpeechFile } from '../src/parse/index.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEAD = '在全县工作会议上的讲话\n同志们：\n';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) =>
  zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });

/** A shape: file name (it picks the parser), a piece of its printed text and how often `make(n)` prints it, and the input for size unit `n`. */
export const SHAPES: Array<{ name: string; file: string; n: number; probe: string; count: (n: number) => number; make: (n: number) => Uint8Array }> = [
  { name: 'long Latin runs', file: 'a.txt', n: 20_000, probe: 'abcdefghij', count: (n) => Math.floor(n / 10), make: (n) => utf8(`${HEAD}${'abcdefghij'.repeat(n / 10)}\n`) },
  { name: 'long dotted runs', file: 'a.txt', n: 40_000, probe: 'ab.', count: (n) => Math.floor(n / 3), make: (n) => utf8(`${HEAD}${'ab.'.repeat(n / 3)}\n`) },
  { name: 'e-mail-like runs', file: 'a.txt', n: 20_000, probe: 'a@b', count: (n) => Math.floor(n / 3), make: (n) => utf8(`${HEAD}${'a@b'.repeat(n / 3)}\n`) },
  { name: 'one-line JSON', file: 'a.json', n: 100_000, probe: '要把工作做细做实。', count: (n) => Math.floor((n / 100) * 7), make: (n) => utf8(JSON.stringify({ type: 'speech', meta: { title: '标题', credits: [], lang: 'zh-CN' }, children: Array.from({ length: n / 100 }, () => ({ type: 'paragraph', children: [{ type: 'text', value: '要把工作做细做实。'.repeat(7) }] })) })) },
  { name: 'nested quotes (30 levels, more lines)', file: 'a.md', n: 200, probe: '要把工作做细做实。', count: (n) => Math.floor(n), make: (n) => utf8(`# 标题\n\n${Array.from({ length: n }, () => `${'> '.repeat(30)}要把工作做细做实。`).join('\n')}\n`) },
  { name: 'nested lists (16 levels, more items)', file: 'a.md', n: 300, probe: '项目', count: (n) => Math.floor(n), make: (n) => utf8(`# 标题\n\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 16)}- 项目`).join('\n')}\n`) },
  { name: 'emphasis (many runs, more paragraphs)', file: 'a.md', n: 8, probe: '乙', count: (n) => Math.floor(150 * n), make: (n) => utf8(`# 标题\n\n${`${'*甲* **乙** '.repeat(150)}\n\n`.repeat(n)}`) },
  { name: 'huge front matter', file: 'a.md', n: 50_000, probe: '正文。', count: (n) => Math.floor(1), make: (n) => utf8(`---\n${Array.from({ length: n / 20 }, (_, i) => `key${i}: value${i}`).join('\n')}\n---\n# 标题\n\n正文。\n`) },
  { name: 'one giant paragraph (.txt)', file: 'a.txt', n: 50_000, probe: '要把工作做细做实，', count: (n) => Math.floor(n / 9), make: (n) => utf8(`${HEAD}${'要把工作做细做实，'.repeat(n / 9)}\n`) },
  { name: 'one giant paragraph (.md)', file: 'a.md', n: 50_000, probe: '要把工作做细做实，', count: (n) => Math.floor(n / 9), make: (n) => utf8(`# 标题\n\n${'要把工作做细做实，'.repeat(n / 9)}\n`) },
  { name: 'one giant paragraph (.docx)', file: 'a.docx', n: 50_000, probe: '要把工作做细做实，', count: (n) => Math.floor(n / 9), make: (n) => docx(`<w:p><w:r><w:t>在会议上的讲话</w:t></w:r></w:p><w:p><w:r><w:t>${'要把工作做细做实，'.repeat(n / 9)}</w:t></w:r></w:p>`) },
  { name: 'a line of placeholders', file: 'a.txt', n: 20_000, probe: '同志，', count: (n) => Math.floor(n / 5), make: (n) => utf8(`${HEAD}${'XX同志，'.repeat(n / 5)}\n`) },
  { name: 'many tiny paragraphs (.txt)', file: 'a.txt', n: 20_000, probe: '做实。', count: (n) => Math.floor(n / 4), make: (n) => utf8(`${HEAD}${'做实。\n'.repeat(n / 4)}`) },
  { name: 'many tiny paragraphs (.md)', file: 'a.md', n: 4_000, probe: '做实。', count: (n) => Math.floor(n / 5), make: (n) => utf8(`# 标题\n\n${'做实。\n\n'.repeat(n / 5)}`) },
];

const RUNS = 3;

async function best(file: string, bytes: Uint8Array): Promise<number> {
  let min = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await parseSpeechFile(bytes, { file });
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const name = process.argv[2];
const shape = SHAPES.find((s) => s.name === name);
if (shape) {
  await best(shape.file, shape.make(shape.n)); // warm the JIT on this shape
  const times: number[] = [];
  for (const k of [1, 2, 4]) times.push(await best(shape.file, shape.make(shape.n * k)));
  process.stdout.write(`${JSON.stringify(times)}\n`);
}
