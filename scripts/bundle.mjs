#!/usr/bin/env node
// Builds what the package ships in dist/ (the `prepare` script: run by `npm install`/`npm ci` in a
// clone and by `npm pack`; `npm run build` forces it):
// - cli.cjs, the whole CLI as one CommonJS file, which the bin runs through launch.mjs with V8's
//   code cache (src/cli/launch.ts: node 20 caches no compiled ES modules);
// - index.mjs, the library `import 'speechdoc'` loads; launch.mjs; worker-boot.mjs, the worker
//   thread worker-pool.ts starts, parse-ahead-boot.mjs, the one parse-ahead.ts starts, and
//   serve-worker.mjs, what serve/render-pool.ts starts; client/,
//   the serve page's assets. esbuild bundles these ES modules with code splitting (renderers stay
//   lazily loaded chunks: a library call or a worker loads few files).
// Packages stay external (node_modules), except INLINE: small pure-JS ones made of many
//   files, whose loading as separate modules cost a cold start ~60 ms of CPU more than inlined
//   (measured: zod, yaml, chardet, iconv-lite together 0.15 s vs 0.09 s). chardet and iconv-lite are
//   no longer among them: src/decode/decode-text.ts requires them on the first legacy-encoded file.
// - types/, the declarations of src/ (tsc -p tsconfig.build.json), which `exports` points at.
// `--js-only` (the test runner) skips the declarations. Nothing is done when dist/ was built from
// the sources as they are (sources.json: size and mtime of every input); `--force` rebuilds. The new
// build is made beside dist/ and swapped in, so a CLI starting meanwhile finds the old one or the new
// one, never half of one. A failed build exits non-zero (an install that cannot build must say so).
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const quiet = process.argv.includes('--quiet');
const jsOnly = process.argv.includes('--js-only');

/** Whether dist/ was built from the sources as they are (and holds the declarations, unless jsOnly). */
function current() {
  try {
    const { sources, types } = JSON.parse(readFileSync(join(DIST, 'sources.json'), 'utf8'));
    if (!jsOnly && !types) return false;
    return sources.every(([file, size, mtime]) => {
      const s = statSync(join(ROOT, file));
      return s.size === size && Math.round(s.mtimeMs) === mtime;
    });
  } catch {
    return false;
  }
}

/**
 * Dependencies bundled into dist/ (they read no files of their own at run time), with everything
 * they import. The Markdown reader's packages are ~130 small modules (micromark, mdast, unist…)
 * that node resolved, read and compiled one by one at every start, mdast-util-to-markdown's 51
 * among them though only its types are used (mdast-util-gfm-table imports it); bundled, esbuild
 * keeps what is used (with the Word reader loaded only for Word inputs: a cold build of the sample 0.95 -> 0.85 s of CPU).
 */
const INLINE = new Set([
  'zod',
  'yaml',
  'cli-progress',
  'mdast-util-from-markdown',
  'mdast-util-frontmatter',
  'mdast-util-gfm-table',
  'micromark-extension-cjk-friendly',
  'micromark-extension-frontmatter',
  'micromark-extension-gfm-table',
  'yargs',
  // 1 MB of which the Word writer uses half: bundled, only that half is parsed when a DOCX is made.
  'docx',
  // With their ~50 modules (restructure's 20 among them) that node resolved and compiled one by
  // one, and the stand-ins of LAZY for what they build at load and rarely use.
  'fontkit',
  'pdfkit',
  // The input globs, with fdir and picomatch (seven files at every start).
  'tinyglobby',
  // One 92 KB file that node compiled at every start (the foreign-output check, the Word package):
  // ~10 ms of a cold build, where inlined it is in the CLI's code cache.
  'fflate',
]);

/**
 * yargs finds its message catalogs (locales/) and the program's package.json (`--version`) from
 * the URL of its platform shim; inlined, that URL would be dist/'s. The shim is given its own URL
 * back, resolved at run time where the external package would have been.
 */
const YARGS_SHIM = /[\\/]node_modules[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/;
const YARGS_SHIM_URL = (f) => `new URL('./lib/platform-shims/esm.mjs', ${f.packageUrl('yargs')}).href`;

/**
 * Modules that do costly work when they are loaded but are used late or never; the packages named
 * import a stand-in instead, which requires the real module (bundled: esbuild initializes a module
 * that is only required on its first require) when it is first used. Measured on a cold build:
 * - string-width (yargs, cliui, wrap-ansi) builds an Intl.Segmenter and \p{RGI_Emoji} regexps:
 *   ~25 ms, though only --help and usage errors measure text;
 * - brotli/decompress.js (fontkit, for WOFF2 only) builds Brotli's static dictionary: ~40 ms;
 *   src/adapters/brotli.ts does the same for fontkit loaded from node_modules (tests, tsx);
 * - @noble/ciphers/aes (pdfkit, for encrypted PDFs, which speechdoc never writes) builds its tables;
 * - unicode-trie (fontkit's Indic and Universal shapers, unicode-properties, pdfkit's linebreak)
 *   inflates each trie when it is made: ~25 ms at load; a lazy trie inflates on its first lookup.
 * One more stand-in is not lazy but native: unicode-trie inflates its data (deflated twice) with
 *   tiny-inflate, pure JavaScript that runs cold, once per process: the first fontkit glyph made
 *   (glyph.isMark reads unicode-properties' trie) spent ~12 ms there in a cold build of the sample;
 *   node's zlib does the same in ~0.5 ms. Only unicode-trie's data, which ships with the packages:
 *   fontkit's own use (a WOFF's tables) keeps tiny-inflate's behaviour on damaged input.
 * Each stand-in forwards exactly what its importers call (checked by grep when the packages change:
 * `trie.get`, `cbc`/`ecb`, the default function; tiny-inflate's `inflate(source, dest)`: see
 * scripts/stand-ins/tiny-inflate.cjs).
 */
const LAZY = [
  {
    specifier: 'string-width',
    importers: /[\\/]node_modules[\\/](yargs|cliui|wrap-ansi)[\\/]/,
    stub: (real) => `export default function stringWidth(text, options) { return require(${real}).default(text, options); }`,
  },
  {
    specifier: 'brotli/decompress.js',
    importers: /[\\/]node_modules[\\/]fontkit[\\/]/,
    // Left in node_modules, not bundled: its 750 KB dictionary literal would be parsed at every start.
    stub: (_, f) => `import { createRequire } from 'node:module';
let real;
export default function decompress(buffer, outputSize) {
  real ??= createRequire(${f.packageUrl('fontkit')})('brotli/decompress.js');
  return real(buffer, outputSize);
}`,
  },
  {
    specifier: '@noble/ciphers/aes',
    importers: /[\\/]node_modules[\\/]pdfkit[\\/]/,
    stub: (real) => `export const cbc = (...a) => require(${real}).cbc(...a);\nexport const ecb = (...a) => require(${real}).ecb(...a);`,
  },
  {
    specifier: 'unicode-trie',
    importers: /[\\/]node_modules[\\/](fontkit|unicode-properties|linebreak)[\\/]/,
    stub: (real) => `export default class LazyUnicodeTrie {
  constructor(data) { this.data = data; this.trie = undefined; }
  get(codePoint) { if (!this.trie) { const T = require(${real}); this.trie = new (T.default ?? T)(this.data); this.data = undefined; } return this.trie.get(codePoint); }
}`,
  },
  {
    specifier: 'tiny-inflate',
    importers: /[\\/]node_modules[\\/]unicode-trie[\\/]/,
    stub: () => readFileSync(join(ROOT, 'scripts/stand-ins/tiny-inflate.cjs'), 'utf8'),
  },
];
/** The namespace of the stand-ins' virtual modules. */
const LAZY_NS = 'speechdoc-lazy';

/**
 * fdir (tinyglobby's walker) looks for picomatch beside itself when it loads, for a `glob()` that
 * tinyglobby never calls (it matches with its own picomatch): from cli.cjs that found
 * node_modules/picomatch and compiled its six files at every start (~5 ms). Given a plain require,
 * it gets the picomatch bundled for tinyglobby.
 */
const FDIR_ENTRY = /[\\/]node_modules[\\/]fdir[\\/]dist[\\/]index\.mjs$/;
const FDIR_PICOMATCH = '__require.resolve("picomatch");\n\tpm = __require("picomatch");';

/**
 * pdfkit finds its standard-font metrics (createRequire) and PDF/A's ICC profile from its own
 * import.meta.url; inlined, that URL would be dist/'s. It is given back its own, as yargs is.
 */
const PDFKIT_ENTRY = /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/;
const PDFKIT_URL = (f) => f.packageUrl('pdfkit');

/**
 * The dependencies' files edited as they are bundled (above): `find`, everywhere in the file,
 * replaced by `by(f)` for the kind of file being built. A release without `find` fails the build by
 * name, where bundling it unedited would give a CLI that looks in the wrong place.
 */
const PATCHES = [
  { filter: PDFKIT_ENTRY, find: 'import.meta.url', by: PDFKIT_URL },
  { filter: YARGS_SHIM, find: 'import.meta.url', by: YARGS_SHIM_URL },
  { filter: FDIR_ENTRY, find: FDIR_PICOMATCH, by: () => 'pm = require("picomatch");' },
];

/**
 * The two kinds of file built: what differs is how a module is given its own URL and a package's.
 * In cli.cjs, `import.meta` is the file's (its wrapper's __filename) and a package is resolved by
 * require (its CommonJS entry: in the same folder as its ES one for the three packages asked).
 */
const ESM = {
  format: 'esm',
  packageUrl: (pkg) => `import.meta.resolve('${pkg}')`,
  // CommonJS code inlined into ES modules needs a require for node's built-ins.
  banner: "import { createRequire as __speechdocRequire } from 'node:module'; const require = __speechdocRequire(import.meta.url);",
};
const CJS = {
  format: 'cjs',
  // __speechdocRequire: the file's own require, by a name no inlined module shadows (yargs' shim declares a `require`).
  packageUrl: (pkg) => `__speechdocRequire('node:url').pathToFileURL(__speechdocRequire.resolve('${pkg}')).href`,
  banner: "const __speechdocRequire = require; const __speechdocUrl = require('node:url').pathToFileURL(__filename).href;",
  define: { 'import.meta.url': '__speechdocUrl', 'import.meta.dirname': '__dirname' },
  // import() of a package left in node_modules (chokidar, subset-font: both have a CommonJS entry)
  // becomes a require: a script run by the launcher has no import() of its own (vm's is experimental).
  supported: { 'dynamic-import': false },
};

/**
 * Every output made ASCII. esbuild escapes non-ASCII characters in strings and templates but leaves
 * them in regular expression literals and comments, and one such character makes node read the
 * whole file as a string of two bytes per character, held for the process's life (cli.cjs: 6.7 MB
 * instead of 3.3 MB). There `\uXXXX`, one per UTF-16 unit, is the same character (a surrogate pair
 * of escapes is one code point in a `u` regex too); a backslash before one (an identity escape)
 * goes with it.
 */
function asciiOnly(dir) {
  for (const name of readdirSync(dir)) {
    if (!/\.(mjs|cjs)$/.test(name)) continue;
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    if (!/[^\x00-\x7f]/.test(source)) continue;
    const escaped = source.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.length % 2 ? slashes.slice(1) : slashes}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    writeFileSync(file, escaped);
  }
}

const staging = `${DIST}.tmp-${process.pid}`;
try {
  if (!process.argv.includes('--force') && current()) process.exit(0);
  const require = createRequire(join(ROOT, 'package.json'));
  const esbuild = await import(require.resolve('esbuild'));
  /** esbuild's options for one kind of file (ESM or CJS). */
  const options = (f) => ({
    absWorkingDir: ROOT,
    bundle: true,
    format: f.format,
    platform: 'node',
    target: 'node20',
    // Every package external but INLINE and what they import themselves (an importer inside
    // node_modules is being inlined, so its own imports are too).
    plugins: [
      {
        name: 'externals',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) => {
            if (a.path.startsWith('node:')) return { external: true };
            const pkg = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
            return INLINE.has(pkg) || a.importer.includes('/node_modules/') ? undefined : { external: true };
          });
          for (const lazy of LAZY) {
            const filter = new RegExp(`^${lazy.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
            b.onResolve({ filter }, async (a) => {
              if (a.pluginData?.real || !lazy.importers.test(a.importer)) return undefined;
              const real = await b.resolve(a.path, { importer: a.importer, resolveDir: a.resolveDir, kind: 'require-call', pluginData: { real: true } });
              if (real.errors.length) return { errors: real.errors };
              return { path: relative(ROOT, real.path), namespace: LAZY_NS, pluginData: { lazy } };
            });
          }
          b.onLoad({ filter: /.*/, namespace: LAZY_NS }, (a) => ({
            contents: a.pluginData.lazy.stub(JSON.stringify(join(ROOT, a.path)), f),
            loader: 'js',
            resolveDir: dirname(join(ROOT, a.path)),
          }));
          for (const patch of PATCHES) {
            b.onLoad({ filter: patch.filter }, (a) => {
              const source = readFileSync(a.path, 'utf8');
              if (!source.includes(patch.find)) throw new Error(`${a.path} no longer has ${JSON.stringify(patch.find)}: scripts/bundle.mjs (PATCHES) needs updating`);
              return { contents: source.replaceAll(patch.find, patch.by(f)), loader: 'js', resolveDir: dirname(a.path) };
            });
          }
        },
      },
    ],
    banner: { js: f.banner },
    define: f.define,
    supported: f.supported,
    metafile: true,
    logLevel: 'warning',
  });
  const [esm, cjs] = await Promise.all([
    esbuild.build({
      ...options(ESM),
      entryPoints: {
        index: 'src/index.ts',
        launch: 'src/cli/launch.ts',
        'worker-boot': 'src/pipeline/worker.ts',
        'parse-ahead-boot': 'src/pipeline/parse-worker.ts',
        'serve-worker': 'src/serve/render-worker.ts',
      },
      outdir: staging,
      splitting: true,
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
    }),
    // One file: V8 caches the code of a script, and a cache per chunk would cost a read and a check each.
    esbuild.build({ ...options(CJS), entryPoints: ['src/cli/main.ts'], outfile: join(staging, 'cli.cjs') }),
  ]);
  asciiOnly(staging);
  if (!jsOnly) {
    const tsc = require.resolve('typescript/bin/tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(staging, 'types')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`tsc failed:\n${r.stdout}${r.stderr}`);
  }
  // The sources it was built from, with their size and mtime (this script and the stand-ins'
  // files among them, since they decide what is built): current() compares them.
  const inputs = new Set([...Object.keys(esm.metafile.inputs), ...Object.keys(cjs.metafile.inputs)]);
  const standIns = readdirSync(join(ROOT, 'scripts/stand-ins')).map((f) => `scripts/stand-ins/${f}`);
  const sources = [...[...inputs].filter((f) => !f.includes('node_modules') && !f.startsWith(`${LAZY_NS}:`)), 'scripts/bundle.mjs', ...standIns]
    .sort()
    .map((f) => {
      const s = statSync(join(ROOT, f));
      return [f, s.size, Math.round(s.mtimeMs)];
    });
  // The serve page's assets, served as they are from beside the bundle (serve/routes-page.ts).
  cpSync(join(ROOT, 'src/serve/client'), join(staging, 'client'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'src/serve/client'))) {
    const s = statSync(join(ROOT, 'src/serve/client', f));
    sources.push([`src/serve/client/${f}`, s.size, Math.round(s.mtimeMs)]);
  }
  writeFileSync(join(staging, 'sources.json'), `${JSON.stringify({ sources, types: !jsOnly })}\n`);
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(staging, DIST);
  rmSync(old, { recursive: true, force: true });
  if (!quiet) console.log(`speechdoc: built dist/ from ${sources.length} sources${jsOnly ? ' (no declarations)' : ''}`);
} catch (e) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`speechdoc: build failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
