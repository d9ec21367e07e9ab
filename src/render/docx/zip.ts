/**
 * A minimal, deterministic ZIP writer for the DOCX package: entries in the given order, one fixed
 * DOS time, DEFLATE by node's zlib. fflate's zipSync (pure JS) took ~10 ms of a 5k-character
 * DOCX, nearly all of it deflating the body face's subset; native zlib does it in a third of that.
 * zlib is deterministic for a given input and level, so two builds (and every worker) agree, and
 * a part with the same bytes as the last one zipped under its name takes that one's deflated bytes
 * and CRC (`Repeats`): most small parts (theme, numbering, notes, settings, relationships) are the
 * same in every copy of a batch, and deflating them was ~15 % of a copy's time. The rest deflate on
 * the helper thread (../deflate.ts) while the main thread goes on.
 * Reference: PKWARE APPNOTE.TXT 6.3 §4.3 (local header, central directory, end record).
 */
import { crc32 } from 'node:zlib';
import { deflateStream } from '../deflate.ts';

/** One file of the package. */
export interface ZipEntry {
  /** Path inside the zip (ASCII, `/`-separated). */
  name: string;
  /** Uncompressed bytes. */
  data: Uint8Array;
  /** zlib level, 1 (fastest) – 9 (smallest); 0 stores the bytes as they are. */
  level: number;
}

/**
 * The last part zipped under each name, with its deflated bytes and CRC, to reuse for the same
 * bytes at the same level. Only parts up to REPEAT_LIMIT bytes are kept: the ones that repeat are
 * small, the body and the font subsets are not worth holding between documents.
 */
const repeats = new Map<string, { data: Uint8Array; level: number; packed: Uint8Array; crc: number }>();

/** Largest part kept for reuse (bytes); docx's fixed parts are under 10 KB, the styles part ~8 KB. */
const REPEAT_LIMIT = 64 * 1024;

async function deflated(e: ZipEntry): Promise<{ packed: Uint8Array; crc: number }> {
  const last = repeats.get(e.name);
  if (last && last.level === e.level && Buffer.from(last.data.buffer, last.data.byteOffset, last.data.byteLength).equals(e.data)) return last;
  // A copy: the caller's bytes are its own to change after this is called.
  const data = Uint8Array.from(e.data);
  const crc = crc32(data);
  const packed = e.level > 0 ? await deflateStream(data, e.level, 'raw') : data;
  if (data.length <= REPEAT_LIMIT) repeats.set(e.name, { data, level: e.level, packed, crc });
  return { packed, crc };
}

/** DOS date and time (local-time fields taken in UTC, so the bytes do not depend on the time zone). */
function dosTime(date: Date): { time: number; day: number } {
  // DOS times start in 1980; earlier dates (e.g. SOURCE_DATE_EPOCH=0) are clamped.
  const d = new Date(Math.max(date.getTime(), Date.UTC(1980, 0, 1)));
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    day: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Zip `entries` in order, each deflated (or stored, level 0) and stamped with `date`. */
export async function zipEntries(entries: readonly ZipEntry[], date: Date): Promise<Uint8Array> {
  const { time, day } = dosTime(date);
  const packedAll = await Promise.all(entries.map(deflated));
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.level > 0 ? 8 : 0;
    const { packed, crc } = packedAll[i]!;
    const fields = { method, time, day, crc, packed: packed.length, size: e.data.length, name: name.length };
    const local = Buffer.alloc(30); // extra field length (28): 0
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    writeEntryFields(central, 6, fields);
    // extra, comment, disk, internal and external attributes: 0
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, directory, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The fields a local header and its central directory entry share, in the same order in both. */
function writeEntryFields(
  b: Buffer,
  at: number,
  f: { method: number; time: number; day: number; crc: number; packed: number; size: number; name: number },
): void {
  b.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  b.writeUInt16LE(f.method, at + 4);
  b.writeUInt16LE(f.time, at + 6);
  b.writeUInt16LE(f.day, at + 8);
  b.writeUInt32LE(f.crc, at + 10);
  b.writeUInt32LE(f.packed, at + 14);
  b.writeUInt32LE(f.size, at + 18);
  b.writeUInt16LE(f.name, at + 22);
}
