/**
 * Glyph outlines for build's index.html: the compact path data, read back by SVG's own rules
 * (relative commands, repeated letters left out, `t`/`s` reflecting the previous control point),
 * lands on the face's own outline points to within rounding; `<use>` placement matches glyphXs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Font } from 'fontkit';
import { glyphPathData, outlineId, faceAlias, OUTLINE_UNITS } from '../../src/render/svg/glyph-outlines.ts';
import { pageSvg } from '../../src/render/svg/render-svg.ts';
import { openFace } from '../../src/fonts/load-font.ts';
import type { PagedDocument } from '../../src/layout/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SERIF = join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const TINOS = join(ROOT, 'node_modules/@fontsource/tinos/files/tinos-latin-400-normal.woff');
/** A CFF face (cubic outlines) where Debian's fonts-noto-cjk is installed (CI installs it). */
const CFF = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

type Pt = [number, number];
/** One segment read back: its kind and absolute points (controls, then end). */
interface Seg {
  cmd: 'M' | 'L' | 'Q' | 'C' | 'Z';
  pts: Pt[];
}

/** SVG path data (relative commands only, as glyphPathData writes) to absolute segments, by the SVG rules. */
function readPath(d: string): Seg[] {
  const tokens = d.match(/[a-zA-Z]|-?\d+/g) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, q: 4, t: 2, c: 6, s: 4, z: 0 };
  const out: Seg[] = [];
  let pen: Pt = [0, 0];
  let start: Pt = [0, 0];
  let cmd = '';
  let prev: { kind: string; ctrl: Pt } | undefined;
  let i = 0;
  while (i < tokens.length) {
    if (/[a-zA-Z]/.test(tokens[i]!)) cmd = tokens[i++]!;
    else if (cmd === 'm') cmd = 'l'; // numbers after a moveto are linetos
    assert.ok(cmd in arity, `relative command expected, got ${cmd}`);
    const n = tokens.slice(i, i + arity[cmd]!).map(Number);
    i += arity[cmd]!;
    const at = (k: number): Pt => [pen[0] + n[k]!, pen[1] + n[k + 1]!];
    const reflect = (kind: string): Pt => (prev?.kind === kind ? [2 * pen[0] - prev.ctrl[0], 2 * pen[1] - prev.ctrl[1]] : pen);
    let seg: Seg;
    let next: typeof prev;
    if (cmd === 'z') {
      seg = { cmd: 'Z', pts: [] };
      out.push(seg);
      pen = start;
      prev = undefined;
      continue;
    }
    if (cmd === 'm') seg = { cmd: 'M', pts: [at(0)] };
    else if (cmd === 'l') seg = { cmd: 'L', pts: [at(0)] };
    else if (cmd === 'h') seg = { cmd: 'L', pts: [[pen[0] + n[0]!, pen[1]]] };
    else if (cmd === 'v') seg = { cmd: 'L', pts: [[pen[0], pen[1] + n[0]!]] };
    else if (cmd === 'q') (seg = { cmd: 'Q', pts: [at(0), at(2)] }), (next = { kind: 'q', ctrl: at(0) });
    else if (cmd === 't') {
      const c = reflect('q');
      seg = { cmd: 'Q', pts: [c, at(0)] };
      next = { kind: 'q', ctrl: c };
    } else if (cmd === 'c') (seg = { cmd: 'C', pts: [at(0), at(2), at(4)] }), (next = { kind: 'c', ctrl: at(2) });
    else {
      seg = { cmd: 'C', pts: [reflect('c'), at(0), at(2)] };
      next = { kind: 'c', ctrl: at(0) };
    }
    out.push(seg);
    pen = seg.pts[seg.pts.length - 1]!;
    if (seg.cmd === 'M') start = pen;
    prev = next;
  }
  return out;
}

/** The face's outline in outline units, y down, with straight curves (control on an end) as lines. */
function fontSegments(font: Font, ch: string): Seg[] {
  const k = OUTLINE_UNITS / font.unitsPerEm;
  const out: Seg[] = [];
  let pen: Pt = [0, 0];
  let start: Pt = [0, 0];
  const same = (a: Pt, b: Pt) => Math.round(a[0]) === Math.round(b[0]) && Math.round(a[1]) === Math.round(b[1]);
  for (const { command, args } of font.glyphForCodePoint(ch.codePointAt(0)!).path.commands) {
    const pts: Pt[] = [];
    for (let i = 0; i < args.length; i += 2) pts.push([args[i]! * k, -args[i + 1]! * k]);
    if (command === 'closePath') {
      out.push({ cmd: 'Z', pts: [] });
      pen = start;
      continue;
    }
    const end = pts[pts.length - 1]!;
    if (command === 'moveTo') out.push({ cmd: 'M', pts }), (start = end);
    else if (command === 'lineTo') {
      if (!same(end, pen)) out.push({ cmd: 'L', pts });
    } else if (command === 'quadraticCurveTo') out.push(same(pts[0]!, pen) || same(pts[0]!, end) ? { cmd: 'L', pts: [end] } : { cmd: 'Q', pts });
    else out.push(same(pts[0]!, pen) && same(pts[1]!, end) ? { cmd: 'L', pts: [end] } : { cmd: 'C', pts });
    pen = end;
  }
  return out;
}

function assertSameOutline(font: Font, text: string): void {
  for (const ch of text) {
    const d = glyphPathData(font, ch);
    const got = readPath(d);
    const want = fontSegments(font, ch);
    assert.equal(got.length, want.length, `${ch}: ${got.length} segments read back, the face has ${want.length}`);
    want.forEach((w, i) => {
      const g = got[i]!;
      assert.equal(g.cmd, w.cmd, `${ch}: segment ${i}`);
      w.pts.forEach((p, j) => {
        // Rounding to units, plus at most one unit where a control point is left implied.
        const tolerance = j < w.pts.length - 1 ? 2 : 0.5 + 1e-9;
        assert.ok(Math.abs(g.pts[j]![0] - p[0]) <= tolerance && Math.abs(g.pts[j]![1] - p[1]) <= tolerance, `${ch}: segment ${i} point ${j}: ${g.pts[j]} against ${p}`);
      });
    });
  }
}

test('outlines of a TrueType face read back onto its points (quadratic curves, implied on-curve points)', () => {
  const serif = openFace(SERIF)!.font;
  assertSameOutline(serif, '在防疫期间春节后上班收心会上的讲话，“一”。（２０２４）Ab');
  const d = glyphPathData(serif, '会');
  assert.match(d, /^m/);
  assert.match(d, /t/, 'implied on-curve points are written as t');
  assert.equal(glyphPathData(serif, ' '), '', 'a space has no ink');
  // Tinos has 2048 units per em: scaled to 1000.
  const tinos = openFace(TINOS)!.font;
  assert.equal(tinos.unitsPerEm, 2048);
  assertSameOutline(tinos, 'Speech 2024, fi');
});

test('outlines of a CFF face read back onto its points (cubic curves)', { skip: !existsSync(CFF) && 'fonts-noto-cjk is not installed' }, () => {
  const cff = openFace(CFF)!.font;
  assertSameOutline(cff, '在防疫期间春节后上班收心会，。');
});

test('a page drawn with outlines places each glyph where glyphXs puts it, in 1/1000 em of its run', () => {
  const doc = {
    widthPt: 595.28,
    heightPt: 841.89,
    pages: [
      {
        index: 0,
        number: 1,
        footer: [],
        blocks: [
          {
            type: 'text',
            block: 0,
            node: 0,
            role: 'title',
            tag: 'H1',
            continued: false,
            lines: [{ baselinePt: 120, gridLine: 0, xPt: 100, widthPt: 100, last: true, runs: [{ text: '讲　话', faceKey: 'F', sizePt: 22, xPt: 100, characterSpacingPt: 1, fauxBold: true }] }],
          },
        ],
      },
    ],
  } as unknown as PagedDocument;
  const svg = pageSvg(doc, doc.pages[0]!, { advance: (_f, t) => Array.from(t).length, family: () => '', draft: false, outlines: { id: (_f, ch) => outlineId(faceAlias(0), ch) } });
  assert.doesNotMatch(svg, /<text/);
  // 讲 at 0, the ideographic space drawn as nothing, 话 two cells on: 2 × (22 pt + 1 pt) = 46 pt = 2090.9 units of 22 pt.
  assert.equal(outlineId('A', '讲'), 'Arle'); // U+8BB2 in base 36
  assert.ok(svg.includes('<g class="sd-line" data-role="title" data-block="0"><g transform="translate(100 120) scale(0.022)" stroke="#000" stroke-width="30"><use href="#Arle"/><use href="#Arml" x="2091"/></g></g>'), svg);
  assert.deepEqual([0, 25, 26, 701].map(faceAlias), ['A', 'Z', 'AA', 'ZZ']);
});

test("the index's outlines drawn ahead (a build's main lane, while it waits) come a few at a time, then are what the index draws", async () => {
  const { OutlinesAhead } = await import('../../src/pipeline/index-html.ts');
  const { bundledFontSet } = await import('../render-docx/helpers.ts');
  const fontSet = bundledFontSet();
  const face = fontSet.faces()[0]!;
  const text = '同志们今天我们召开全县经济工作会议主要任务是总结过去一年的工作部署明年重点任务';
  const ahead = new OutlinesAhead(fontSet);
  assert.equal(ahead.step(), false, 'nothing queued');
  ahead.add({ svg: '', chars: { [face.key]: text, 'no such face': '同' }, faces: [face.key, 'no such face'] });
  let steps = 0;
  while (ahead.step()) steps++;
  assert.equal(steps, Math.ceil([...text].length / 24), 'at most 24 glyphs a step');
  assert.equal(ahead.step(), false);
  // Drawn into glyphPathData's cache: the index asks for the same strings.
  for (const ch of text) assert.match(glyphPathData(face.font, ch), /^m-?\d/);
});
