/**
 * Bytes → text. Speeches arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 from
 * Notepad on a Chinese Windows machine. A decoding is only accepted when the result looks like text;
 * anything else is refused with a diagnostic rather than passed on as mojibake.
 */
import { createRequire } from 'node:module';
import type chardetLib from 'chardet';
import type iconvLite from 'iconv-lite';
import { diagnostic, type Diagnostic, type Result } from '../diagnostics/diagnostic.ts';
import { normalizeLineEnds } from './line-ends.ts';
import { isPlausible, plausibility } from './plausibility.ts';
import { firstNul, sniffBinary } from './sniff-binary.ts';
import { utf8Damage } from './utf8-damage.ts';
import { commonHanScore } from './common-hanzi.ts';

/**
 * iconv-lite and chardet, required on the first legacy-encoded file: 250 KB of code that a build of
 * UTF-8 files never needs, and that every start parsed when they were bundled (~15 ms of a cold build).
 */
const requireHere = createRequire(import.meta.url);
let legacyCodecs: { iconv: typeof iconvLite; chardet: typeof chardetLib } | undefined;
const codecs = () => (legacyCodecs ??= { iconv: requireHere('iconv-lite') as typeof iconvLite, chardet: requireHere('chardet') as typeof chardetLib });

/** A successfully decoded file. */
export interface DecodedText {
  /** The text with LF line ends and no BOM. */
  text: string;
  /** The encoding it was read in: `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `big5`. */
  encoding: string;
}

/** Legacy encodings tried when the bytes are not UTF-8, in order; GB18030 is a superset of GBK and GB2312. */
const LEGACY = ['gb18030', 'big5'] as const;

/** Control characters tolerated in a text file whatever its length. */
const MAX_STRAY_CONTROLS = 16;

/** Share of control characters, beyond the stray ones, above which valid UTF-8 is treated as binary. */
const MAX_CONTROL_SHARE = 0.02;
/** However short the file, more than this share of control characters means binary. */
const MAX_CONTROL_SHARE_SHORT = 0.25;

/** The hint for a file that should be saved again as UTF-8. */
const RESAVE_UTF8 = '用文本编辑器打开该文件，另存为 UTF-8 编码';

/** Decode the bytes of a text file. `file` is only used in messages. */
export function decodeText(bytes: Uint8Array, file?: string): Result<DecodedText> {
  const name = file ?? '输入文件';
  const fail = (ruleId: string, message: string, hint?: string): Result<DecodedText> => {
    const d = diagnostic('error', ruleId, message, undefined, hint);
    if (file) d.file = file;
    return { value: undefined, diagnostics: [d] };
  };
  const ok = (text: string, encoding: string, notes: Diagnostic[] = []): Result<DecodedText> => ({
    value: { text: normalizeLineEnds(text), encoding },
    diagnostics: notes,
  });

  const nulFail = (): Result<DecodedText> =>
    fail('decode/binary', `无法读取 ${name}：字节偏移 ${firstNul(bytes)} 处有 NUL 字节，这是二进制文件，不是文本文件`,
      '把讲话稿另存为纯文本（UTF-8 编码）或 .docx 文档');

  const bom = bomOf(bytes);
  if (bom) {
    const decoded = strict(bom.encoding, bytes.subarray(bom.length));
    if (decoded !== undefined && !tooManyControls(decoded)) return ok(decoded, bom.encoding);
    return fail('decode/undecodable', `无法读取 ${name}：文件开头有 ${bom.encoding.toUpperCase()} 字节顺序标记（BOM），但内容不是有效的 ${bom.encoding.toUpperCase()} 文本`,
      RESAVE_UTF8);
  }

  const kind = sniffBinary(bytes);
  if (kind) {
    return fail('decode/binary', `无法读取 ${name}：这是 ${kind}，不是文本文件`,
      '请提供 .txt、.md、.json 或 .docx 文件；Word 文档请用 .docx 扩展名');
  }

  const nul = firstNul(bytes);
  if (nul >= 0) {
    // UTF-16 saved without a BOM is the one text encoding with NUL bytes; accept it only if it reads as text.
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const t = strict(enc, bytes);
      if (t !== undefined && t.length > 0 && isPlausible(plausibility(t))) return ok(t, enc);
    }
  }

  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) {
    // A few stray controls in real text (a NUL from a broken editor, ^Z at the end) are dropped later,
    // with a warning at their position; many of them mean the file is not text at all.
    if (!tooManyControls(utf8)) return ok(utf8, 'utf-8');
    return nul >= 0 ? nulFail() : fail('decode/binary', `无法读取 ${name}：含有 ${plausibility(utf8).controls} 个控制字符，不像是文本文件`);
  }
  const cut = truncatedUtf8(bytes);
  if (cut !== undefined && isPlausible(plausibility(cut))) return ok(cut, 'utf-8', [truncated(name, file)]);
  if (nul >= 0) return nulFail();

  const damage = utf8Damage(bytes);
  if (damage) {
    return fail('decode/undecodable', `无法读取 ${name}：按 UTF-8 读取有 ${damage.invalid} 个无效字节，第一个在字节偏移 ${damage.offset} 处；为免乱码，不猜测其他编码`,
      '文件可能已损坏，或混用了两种编码；请用文本编辑器打开，改正出错的字符后另存为 UTF-8 编码');
  }

  // Each legacy reading is made once: the choice of order and the attempts share them.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readings = new Map<string, string>();
  const read = (enc: string): string => {
    let t = readings.get(enc);
    if (t === undefined) readings.set(enc, (t = (enc === 'gb18030' ? gb18030Fast(bytes) : undefined) ?? codecs().iconv.decode(buf, enc)));
    return t;
  };
  // chardet (tens of milliseconds a file: it runs every detector it has) only decides the order
  // when the GB18030 reading has fewer frequent characters than the Big5 one, and names its guess
  // when nothing reads.
  let detected: { guess: string | undefined } | undefined;
  const guess = (): string | undefined => (detected ??= { guess: codecs().chardet.detect(bytes)?.toLowerCase() }).guess;
  const order = !gbReadsBetter(read) && guess() === 'big5' ? ['big5', 'gb18030'] : [...LEGACY];
  for (const enc of order) {
    let t = read(enc);
    const notes: Diagnostic[] = [];
    // A file cut in the middle of its last character ends in one replacement character.
    if (t.endsWith('\ufffd') && t.indexOf('\ufffd') === t.length - 1) {
      t = t.slice(0, -1);
      notes.push(truncated(name, file));
    }
    if (isPlausible(plausibility(t))) {
      const note = diagnostic('info', 'decode/encoding', `${name} 不是 UTF-8 编码，已按 ${enc.toUpperCase()} 读取`);
      if (file) note.file = file;
      return ok(t, enc, [note, ...notes]);
    }
  }
  const guessed = guess();
  return fail('decode/undecodable',
    `无法读取 ${name}：既不是有效的 UTF-8，也无法按 GB18030/GBK 或 Big5 读取${guessed ? `（编码检测推测为 ${guessed}）` : ''}`,
    RESAVE_UTF8);
}

/**
 * The GB18030 reading by the platform's decoder, where it is iconv-lite's to the character, else
 * undefined. iconv-lite builds its GB18030 tables on its first use (~25 ms of every process that
 * meets a GBK file). The two agree on every valid one- and four-byte sequence and on all two-byte
 * ones but the 18 whose characters GB18030-2005 moved out of the private use area (the vertical
 * forms at A6D9–A6F3, eight ideographs at FE59–FEA0): the platform gives those characters
 * (GB18030_REMAPPED), iconv-lite the private-use code points. On invalid bytes they may cut
 * differently, and the platform's decoder then writes U+FFFD. So a reading with neither is
 * iconv-lite's; tests/decode/gb18030-fast.test.ts checks every code against iconv-lite.
 */
export function gb18030Fast(bytes: Uint8Array): string | undefined {
  const t = new TextDecoder('gb18030').decode(bytes);
  return GB18030_REMAPPED.test(t) ? undefined : t;
}

/** U+FFFD and the characters the platform's GB18030 decoder gives for the 18 codes iconv-lite maps to private use. */
const GB18030_REMAPPED = /[\ufffd\ufe10-\ufe19\u9fb4-\u9fbb]/;

/**
 * chardet says Big5 for many short GBK files; when the GB18030 reading has at least as many
 * frequent characters as the Big5 one, GB18030 (the common case on Chinese Windows) is read first.
 */
function gbReadsBetter(read: (enc: string) => string): boolean {
  return commonHanScore(read('gb18030')) >= commonHanScore(read('big5'));
}

/** Whether a decoded text has more control characters than stray ones in a real text file. */
function tooManyControls(text: string): boolean {
  const { controls } = plausibility(text);
  if (controls === 0) return false;
  const chars = [...text].length;
  return controls > MAX_STRAY_CONTROLS + chars * MAX_CONTROL_SHARE || controls > chars * MAX_CONTROL_SHARE_SHORT;
}

/** UTF-8 whose only flaw is a multi-byte character cut off at the end, decoded without it. */
function truncatedUtf8(bytes: Uint8Array): string | undefined {
  for (let k = 1; k <= 3 && k < bytes.length; k++) {
    if (bytes[bytes.length - k]! < 0xc0) continue;
    return strict('utf-8', bytes.subarray(0, bytes.length - k));
  }
  return undefined;
}

/** The warning for a file whose last character was cut off. */
function truncated(name: string, file: string | undefined): Diagnostic {
  const d = diagnostic('warning', 'decode/truncated', `${name} 末尾的字符不完整（文件可能被截断），已删去这个残缺的字符`);
  if (file) d.file = file;
  return d;
}

/** A byte-order mark at the start of `bytes`. */
function bomOf(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** Decode with a fatal decoder; undefined on any invalid sequence. */
function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
