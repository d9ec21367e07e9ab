/**
 * Tell broken UTF-8 from a legacy encoding. A UTF-8 file with a few bad bytes must not be
 * "rescued" as GB18030: UTF-8 Chinese read as GBK is the classic mojibake (鍦ㄥ叏鍘), which can
 * look plausible enough. Mostly-valid UTF-8 is reported as damaged instead.
 */

/** Where a mostly-valid UTF-8 file goes wrong. */
export interface Utf8Damage {
  /** Byte offset of the first invalid sequence. */
  offset: number;
  /** Number of invalid bytes. */
  invalid: number;
}

/** Share of high bytes in valid UTF-8 sequences from which a file counts as UTF-8. */
const MOSTLY_VALID = 0.9;
/** Valid multi-byte sequences needed before the share means anything. */
const MIN_SEQUENCES = 8;

/** The damage in `bytes` when they are mostly valid UTF-8 with some invalid bytes, else undefined. */
export function utf8Damage(bytes: Uint8Array): Utf8Damage | undefined {
  let validHigh = 0;
  let invalid = 0;
  let sequences = 0;
  let offset = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (!ok) {
      invalid++;
      if (offset < 0) offset = i;
      i++;
      continue;
    }
    if (len > 1) {
      validHigh += len;
      sequences++;
    }
    i += len;
  }
  if (invalid === 0 || sequences < MIN_SEQUENCES) return undefined;
  return validHigh / (validHigh + invalid) >= MOSTLY_VALID ? { offset, invalid } : undefined;
}
