/** Recognise files that are plainly not text, so they are refused instead of decoded into garbage. */

/** Leading bytes of common non-text formats a user might pass by mistake. */
const MAGIC: ReadonlyArray<{ bytes: number[]; kind: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'a PDF file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (a .docx/.odt/.wps file?)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'an old Word/WPS binary document (.doc/.wps)' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], kind: 'an RTF document' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: 'a 7z archive' },
];

/** What kind of binary file `bytes` starts like, or undefined when no known signature matches. */
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
