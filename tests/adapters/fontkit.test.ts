/**
 * src/adapters/fontkit.ts against the installed fontkit: every internal it reads is there and means
 * what the adapter assumes, and the fast subsetter writes fontkit's own bytes. A fontkit release
 * that changes any of it fails here, by name, rather than making builds slower or wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { fastCmap, horizontalMetrics, simpleOutline, lazyGlyphNames, lazyLoca, missingLocaInternals, missingPostInternals, missingSubsetInternals, nameRecords, parsedBytes, tableTags, useFastSubset } from '../../src/adapters/fontkit.ts';
import { isWoff, woffToSfnt } from '../../src/fonts/woff.ts';
import { BUNDLED } from '../render-docx/helpers.ts';

const TEXT = '各位领导、同志们：今年以来，全县GDP增长6.5%。“好”——Aé ü ﬁ';

/** The SFNT of a bundled file, as fonts/load-font.ts hands it to fontkit (WOFF unpacked). */
function sfnt(file: string): Buffer {
  const bytes = readFileSync(file);
  return isWoff(bytes) ? woffToSfnt(bytes) : bytes;
}

/** Subset bytes for the glyphs of TEXT. */
function subsetBytes(font: fontkit.Font): Buffer {
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  for (const g of font.layout(TEXT).glyphs) subset.includeGlyph(g.id);
  return Buffer.from(subset.encode());
}

/** Subset bytes for glyph ids (fontkit adds the components of composites itself). */
function subsetOf(font: fontkit.Font, ids: number[]): { bytes: Buffer; ownEncode: boolean } {
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  for (const id of ids) subset.includeGlyph(id);
  return { bytes: Buffer.from(subset.encode()), ownEncode: Object.hasOwn(subset, 'encode') };
}

for (const file of [BUNDLED.serif, BUNDLED.sans, BUNDLED.tinos, BUNDLED.kai]) {
  const name = file.split('/').pop();
  test(`the fast subset file is fontkit's, byte for byte, for small and large subsets: ${name}`, () => {
    const bytes = sfnt(file);
    const plain = fontkit.create(bytes) as fontkit.Font;
    const fast = fontkit.create(bytes) as fontkit.Font;
    useFastSubset(fast);
    const n = plain.numGlyphs;
    // Only .notdef; every 7th glyph from the end (composites among them); the first 3,000 in order.
    const sets = [[], Array.from({ length: Math.min(n, 1500) }, (_, i) => n - 1 - i * 7).filter((g) => g > 0), Array.from({ length: Math.min(n, 3000) }, (_, i) => i)];
    for (const ids of sets) {
      const a = subsetOf(plain, ids);
      const b = subsetOf(fast, ids);
      assert.equal(a.ownEncode, false);
      assert.equal(b.ownEncode, true, 'the direct writer is installed');
      assert.ok(b.bytes.equals(a.bytes), `${ids.length} glyphs: ${b.bytes.length} bytes against fontkit's ${a.bytes.length}`);
    }
  });
}

for (const file of [BUNDLED.serif, BUNDLED.tinos, BUNDLED.kai]) {
  const name = file.split('/').pop();
  test(`fontkit still has what the fast subsetter uses, and it writes fontkit's bytes: ${name}`, () => {
    const bytes = sfnt(file);
    const plain = fontkit.create(bytes) as fontkit.Font;
    const fast = fontkit.create(bytes) as fontkit.Font;
    assert.deepEqual(missingSubsetInternals(fast), []);
    useFastSubset(fast);
    useFastSubset(fast); // idempotent
    assert.ok(Object.hasOwn(fast, 'createSubset'), 'fast path installed');
    assert.ok(subsetBytes(plain).equals(subsetBytes(fast)));
    assert.ok(subsetBytes(plain).equals(subsetBytes(fast)), 'second subset from the same font');
  });

  test(`name records, table tags and parsed bytes read as the adapter assumes: ${name}`, () => {
    const bytes = sfnt(file);
    const font = fontkit.create(bytes) as fontkit.Font;
    const family = nameRecords(font).fontFamily;
    assert.ok(family && typeof family.en === 'string' && family.en.length > 0, 'fontFamily.en');
    assert.equal(family.en, font.familyName);
    const tags = tableTags(font);
    for (const t of ['cmap', 'glyf', 'head', 'hmtx', 'name']) assert.ok(tags.includes(t), t);
    const held = parsedBytes(font);
    assert.ok(held, 'stream.buffer');
    assert.ok(Buffer.from(held.buffer, held.byteOffset, held.byteLength).equals(bytes), 'the very bytes parsed');
  });
}

test('a face without a glyf table (CFF) keeps fontkit’s own subsetter', () => {
  // The guard: a face whose directory has no glyf table is left to fontkit.
  const font = fontkit.create(sfnt(BUNDLED.serif)) as fontkit.Font;
  const tables = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables;
  const glyf = tables.glyf;
  delete tables.glyf;
  useFastSubset(font);
  assert.ok(!Object.hasOwn(font, 'createSubset'));
  tables.glyf = glyf;
});

test('the post table read lazily equals fontkit’s own, names included (LXGW WenKai has version 2)', () => {
  const bytes = sfnt(BUNDLED.kai);
  const own = fontkit.create(bytes) as fontkit.Font;
  const lazy = fontkit.create(bytes) as fontkit.Font;
  assert.deepEqual(missingPostInternals(lazy), []);
  lazyGlyphNames(lazy);
  lazyGlyphNames(lazy); // idempotent
  type Post = Record<string, unknown>;
  const ownPost = (own as unknown as { post: Post }).post;
  const lazyPost = (lazy as unknown as { post: Post }).post;
  assert.equal(ownPost.version, 2, 'the face still has a version 2 post table');
  for (const k of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
    assert.equal(lazyPost[k], ownPost[k], k);
  }
  assert.equal(lazy.italicAngle, own.italicAngle);
  assert.deepEqual(lazyPost.names, ownPost.names);
  assert.deepEqual(lazyPost.glyphNameIndex, ownPost.glyphNameIndex);
  const g = own.glyphForCodePoint(0x4e2d);
  assert.equal(lazy.glyphForCodePoint(0x4e2d).name, g.name, 'glyph names through the lazy table');
});

for (const file of [BUNDLED.serif, BUNDLED.sans, BUNDLED.tinos, BUNDLED.kai]) {
  test(`loca read from the bytes equals fontkit's own decoding: ${file.split('/').pop()}`, () => {
    const bytes = sfnt(file);
    const own = fontkit.create(bytes) as fontkit.Font;
    const lazy = fontkit.create(bytes) as fontkit.Font;
    assert.deepEqual(missingLocaInternals(lazy), [], 'fontkit still has the internals lazyLoca reads');
    lazyLoca(lazy);
    lazyLoca(lazy); // idempotent
    type Loca = { version: number; offsets: number[]; _processed?: boolean };
    const ownLoca = (own as unknown as { loca: Loca }).loca;
    const lazyLocaTable = (lazy as unknown as { loca: Loca }).loca;
    assert.equal(lazyLocaTable.version, ownLoca.version);
    assert.equal(lazyLocaTable._processed, ownLoca._processed);
    assert.equal(lazyLocaTable.offsets.length, ownLoca.offsets.length);
    assert.deepEqual(lazyLocaTable.offsets, ownLoca.offsets);
    // fontkit's own glyph decoding goes through the table: outlines and boxes come out the same.
    for (const cp of [0x4e2d, 0x56fd, 0x3002, 0x41, 0x67, 0x31]) {
      if (!own.hasGlyphForCodePoint(cp)) continue;
      assert.equal(lazy.glyphForCodePoint(cp).path.toSVG(), own.glyphForCodePoint(cp).path.toSVG(), `outline of U+${cp.toString(16)}`);
      assert.deepEqual(lazy.glyphForCodePoint(cp).bbox, own.glyphForCodePoint(cp).bbox);
    }
  });
}

for (const file of [BUNDLED.serif, BUNDLED.sans, BUNDLED.tinos, BUNDLED.kai]) {
  test(`the cmap read from typed copies gives fontkit's glyph for every code point: ${file.split('/').pop()}`, () => {
    const bytes = sfnt(file);
    const own = fontkit.create(bytes) as fontkit.Font;
    const fast = fontkit.create(bytes) as fontkit.Font;
    fastCmap(fast);
    fastCmap(fast); // idempotent
    type Processor = { lookup(cp: number, vs?: number): number; cmap: { version: number } };
    const ownP = (own as unknown as { _cmapProcessor: Processor })._cmapProcessor;
    const fastP = (fast as unknown as { _cmapProcessor: Processor })._cmapProcessor;
    assert.notEqual(fastP.lookup, ownP.lookup, `format ${fastP.cmap.version} is read from typed copies`);
    let found = 0;
    for (let cp = 0; cp <= 0x3ffff; cp++) {
      const want = ownP.lookup(cp);
      if (fastP.lookup(cp) !== want) assert.equal(fastP.lookup(cp), want, `U+${cp.toString(16)}`);
      if (want) found++;
    }
    assert.ok(found >= own.characterSet.length * 0.99, 'the faces’ characters were compared');
    assert.equal(fast.glyphForCodePoint(0x4e2d).id, own.glyphForCodePoint(0x4e2d).id);
    assert.equal(fast.hasGlyphForCodePoint(0x10ffff), false);
    assert.deepEqual(fast.layout('中文，Ab1').glyphs.map((g) => g.id), own.layout('中文，Ab1').glyphs.map((g) => g.id));
  });
}

test('loca is left to fontkit for a WOFF2 face, whose tables fontkit rebuilds', () => {
  const file = join(dirname(BUNDLED.tinos), 'tinos-latin-700-normal.woff2');
  const font = fontkit.create(readFileSync(file)) as fontkit.Font;
  lazyLoca(font);
  assert.ok(!('loca' in (font as unknown as { _tables: object })._tables), 'not given a loca read from the WOFF2 bytes');
  assert.ok(font.glyphForCodePoint(0x41).path.commands.length > 0, 'fontkit still draws the glyph');
});

for (const file of [BUNDLED.serif, BUNDLED.sans, BUNDLED.tinos, BUNDLED.kai]) {
  test(`hmtx read in place gives fontkit's glyph advances and bearings: ${file.split('/').pop()}`, () => {
    const font = fontkit.create(sfnt(file)) as fontkit.Font;
    const hm = horizontalMetrics(font);
    assert.ok(hm, 'a static TrueType face is read in place');
    const n = font.numGlyphs;
    let compared = 0;
    for (let gid = 0; gid < n; gid += gid < 300 || gid > n - 300 ? 1 : 17) {
      const g = font.getGlyph(gid) as unknown as { advanceWidth: number; _getMetrics(): { leftBearing: number } };
      assert.equal(hm.advance(gid), g.advanceWidth, `advance of glyph ${gid}`);
      assert.equal(hm.leftBearing(gid), g._getMetrics().leftBearing, `bearing of glyph ${gid}`);
      compared++;
    }
    assert.ok(compared >= Math.min(n, 500));
  });
}

test('hmtx is left to fontkit for a face whose tables are compressed in the parsed bytes (WOFF)', () => {
  const woff = readFileSync(BUNDLED.tinos);
  assert.ok(isWoff(woff));
  assert.equal(horizontalMetrics(fontkit.create(woff) as fontkit.Font), undefined);
});

for (const file of [BUNDLED.serif, BUNDLED.sans, BUNDLED.tinos, BUNDLED.kai]) {
  test(`glyf outlines decoded in place are fontkit's path commands: ${file.split('/').pop()}`, () => {
    const bytes = sfnt(file);
    const font = fontkit.create(bytes) as fontkit.Font;
    const reference = fontkit.create(bytes) as fontkit.Font;
    const n = font.numGlyphs;
    let simple = 0;
    let composite = 0;
    for (let gid = 0; gid < n; gid += gid < 400 || gid > n - 400 ? 1 : 11) {
      const got: unknown[][] = [];
      const direct = simpleOutline(font, gid, {
        moveTo: (x, y) => got.push(['moveTo', x, y]),
        lineTo: (x, y) => got.push(['lineTo', x, y]),
        quadraticCurveTo: (cx, cy, x, y) => got.push(['quadraticCurveTo', cx, cy, x, y]),
        closePath: () => got.push(['closePath']),
      });
      const glyph = reference.getGlyph(gid) as unknown as { path: { commands: { command: string; args: number[] }[] }; _decode(): { numberOfContours: number } | null };
      if (!direct) {
        assert.ok((glyph._decode()?.numberOfContours ?? 0) < 0, `only composites are left to fontkit (glyph ${gid})`);
        composite++;
        continue;
      }
      assert.deepEqual(got, glyph.path.commands.map((c) => [c.command, ...c.args]), `glyph ${gid}`);
      simple++;
    }
    assert.ok(simple >= 150 && simple > composite, `${simple} simple glyphs compared (${composite} composites)`);
  });
}

test('outlines are left to fontkit for a WOFF face and for glyph data that runs past its end', () => {
  const sink = { moveTo() {}, lineTo() {}, quadraticCurveTo() {}, closePath() {} };
  assert.equal(simpleOutline(fontkit.create(readFileSync(BUNDLED.tinos)) as fontkit.Font, 36, sink), false);
  const font = fontkit.create(sfnt(BUNDLED.tinos)) as fontkit.Font;
  const loca = (font as unknown as { loca: { offsets: number[] } }).loca.offsets;
  const gid = loca.findIndex((o, i) => i > 0 && loca[i + 1]! - o > 40);
  assert.equal(simpleOutline(font, gid, sink), true);
  loca[gid + 1] = loca[gid]! + 14; // a header and one contour end, then nothing
  assert.equal(simpleOutline(font, gid, sink), false);
});
