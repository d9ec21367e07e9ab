/** Fake fonts and speeches shared by the font tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Speech } from '../../src/model/types.ts';
import { BUNDLED, fakeFont, writeSfnt } from './sfnt.ts';

/** Characters every fake font has. */
export const TEXT = '中国同志们一二三四五，。';

const serif = readFileSync(BUNDLED.serif);

/** Write a small copy of Noto Serif SC named `family` (Chinese name `zh`) into `dir` as `file`. */
export async function writeFake(dir: string, file: string, family: string, zh?: string, fsType = 0): Promise<string> {
  const ps = family.replace(/[^A-Za-z0-9_-]/g, '');
  const face = await fakeFont(serif, TEXT, zh ? { family, postscript: ps, zhFamily: zh } : { family, postscript: ps }, fsType);
  const path = join(dir, file);
  writeFileSync(path, writeSfnt(face));
  return path;
}

/** A one-paragraph speech whose body text is `body`, on line 3 column 1. */
export function speechOf(body: string, title = '在全县经济工作会议上的讲话'): Speech {
  const n = [...body].length;
  return {
    type: 'speech',
    meta: {
      title,
      credits: [],
      lang: 'zh-CN',
      positions: { title: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1 + [...title].length } } },
    },
    children: [
      {
        type: 'paragraph',
        position: { start: { line: 3, column: 1 }, end: { line: 3, column: 1 + n } },
        children: [{ type: 'text', value: body, position: { start: { line: 3, column: 1, offset: 40 }, end: { line: 3, column: 1 + n } } }],
      },
    ],
  };
}
