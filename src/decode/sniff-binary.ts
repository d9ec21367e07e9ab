/** Recognise files that are plainly not text, so they are refused instead of decoded into garbage. */

/** Leading bytes of common non-text formats a user might pass by mistake. */
const MAGIC: ReadonlyArray<{ bytes: number[]; kind: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'PDF 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'GIF 图片' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP 压缩包（是否为 .docx/.odt/.wps 文件？）' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'ZIP 压缩包（空）' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'Word/WPS 旧版二进制文档（.doc/.wps）' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'RTF 文档' },
  { bytes: [0x1f, 0x8b], kind: 'gzip 压缩包' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: '7z 压缩包' },
];

/** What kind of binary file `bytes` starts like (in Chinese, starting with the format's name, for messages), or undefined when no known signature matches. */
export function sniffBinary(bytes: Uint8Array): string | undefined {
  for (const m of MAGIC) {
    if (bytes.length >= m.bytes.length && m.bytes.every((b, i) => bytes[i] === b)) return m.kind;
  }
  return undefined;
}

/** Index of the first NUL byte, or -1; real text in a byte-oriented encoding never has one. */
export function firstNul(bytes: Uint8Array): number {
  return bytes.indexOf(0);
}
