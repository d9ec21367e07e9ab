/** What kind of container a draft's bytes are, whatever its extension says. */

/** The container kinds the Word reader tells apart. */
export type Container = 'zip' | 'ole' | 'ole-encrypted' | 'rtf' | 'other';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const ENCRYPTED_PACKAGE = utf16le('EncryptedPackage');

/**
 * Sniff the container. A password-protected .docx is not a zip at all but an OLE compound file
 * holding an `EncryptedPackage` stream (MS-OFFCRYPTO), which is what tells it from a .doc.
 */
export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'zip';
  if (OLE.every((b, i) => bytes[i] === b)) return contains(bytes, ENCRYPTED_PACKAGE) ? 'ole-encrypted' : 'ole';
  if (new TextDecoder().decode(bytes.subarray(0, 5)) === '{\\rtf') return 'rtf';
  return 'other';
}

/** Whether a zip is an OpenDocument file (its first entry is the `mimetype` naming ODF). */
export function isOpenDocument(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  return head.includes('mimetypeapplication/vnd.oasis.opendocument');
}
