/**
 * Run as its own process by brotli.test.ts (a fresh module cache): loads the fonts module as a
 * build does, opens a TrueType face and then a WOFF2 one, and prints what was loaded when.
 */
import { createRequire } from 'node:module';
import { openFace } from '../../src/fonts/load-font.ts';
import { brotliIsLazy } from '../../src/adapters/brotli.ts';

const require = createRequire(import.meta.url);
const dictionaryLoaded = () => Object.keys(require.cache).some((k) => /[\\/]brotli[\\/]dec[\\/]dictionary-data\.js$/.test(k));
const [ttf, woff2] = process.argv.slice(2) as [string, string];
const report: Record<string, unknown> = {};
report.lazyAtStart = brotliIsLazy();
report.ttfGlyphs = openFace(ttf)?.font.numGlyphs;
report.dictionaryAfterTtf = dictionaryLoaded();
const font = openFace(woff2)?.font;
report.woff2Glyphs = font?.numGlyphs;
report.woff2Outline = font ? font.glyphForCodePoint(0x41).path.commands.length : 0;
report.dictionaryAfterWoff2 = dictionaryLoaded();
report.lazyAtEnd = brotliIsLazy();
process.stdout.write(JSON.stringify(report));
