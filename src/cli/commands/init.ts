/** `speechdoc init [dir]`: a working folder with a commented config, a sample speech and fonts/. */
import { copyFile, mkdir, writeFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';

/** speechdoc's own folder: up from this module, which may be src/cli/commands/ or the dist/ bundle. */
const PACKAGE_ROOT = packageRoot(fileURLToPath(new URL('.', import.meta.url)));

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'speechdoc') return dir;
    } catch {
      /* no package.json here */
    }
    if (dirname(dir) === dir) return resolve(from, '../../..');
  }
}

/** The config `init` writes: every option, commented, at its default. */
export const CONFIG_TEMPLATE = `# speechdoc configuration. Paths are relative to this file.
# Every key is optional; command-line flags override what is set here.

# Files, folders or globs to build.
inputs: [input]
# Where outputs go (subfolders of the inputs are mirrored).
out: output
# Outputs to write: pdf, docx.
format: [pdf, docx]
# official = GB/T 9704 handout (22 × 28 grid); reading = large-print reading copy.
preset: official
# Highlight unfilled placeholders (XX, ○○, 某某…) in the PDF.
draft: false
# Treat warnings (placeholders left, numbering gaps, missing glyphs…) as failures.
strict: false
# Parallel lanes (main thread + worker threads); 0 = automatic (one per CPU for big batches).
jobs: 0
# Write a JSON report of every build here (uncomment).
# report: report.json
# Full-width punctuation in Chinese text, paired quotes, half-width digits…
normalize: true
# Your own font files (any TTF/OTF/TTC/WOFF); see fonts/README.md.
fontsDir: fonts
# Also look for fonts installed on this computer.
systemFonts: true
# Font per role, by family name or file path (path#PostScriptName for collections).
# fonts:
#   title: 方正小标宋简体
#   body: 仿宋_GB2312
#   heading1: 黑体
#   heading2: 楷体_GB2312
#   heading3: 仿宋_GB2312
#   lead: 楷体_GB2312
#   titleBlock: 楷体_GB2312
#   pageNumber: 宋体
#   latin: Times New Roman
# DOCX fonts: "system" names the standard faces (方正小标宋简体, 仿宋_GB2312…) so typed text stays
# in them; "embed" embeds the faces for readers who lack them.
docxFonts: system
# Write PDF/A-2b for archiving.
pdfa: false
# Refuse inputs larger than this many bytes.
maxInputBytes: 20971520
`;

/** Run `init`. */
export async function runInit(args: Args, io: Io): Promise<number> {
  const dir = resolve(io.cwd, String(args.dir ?? '.'));
  const config = join(dir, 'speechdoc.config.yaml');
  if (await exists(config)) {
    io.stderr.write(`speechdoc: ${config} already exists; nothing was changed\n`);
    return EXIT.usage;
  }
  await mkdir(join(dir, 'input'), { recursive: true });
  await mkdir(join(dir, 'fonts'), { recursive: true });
  await mkdir(join(dir, 'output'), { recursive: true });
  await writeFile(config, CONFIG_TEMPLATE);
  const sample = join(dir, 'input', 'sample-speech.txt');
  if (!(await exists(sample))) await copyFile(join(PACKAGE_ROOT, 'input', 'seed-speech.txt'), sample);
  const readme = join(dir, 'fonts', 'README.md');
  if (!(await exists(readme))) await copyFile(join(PACKAGE_ROOT, 'fonts', 'README.md'), readme);
  io.stderr.write(
    `created ${config}\n        ${sample}\n        ${readme}\nnext: cd ${args.dir ?? '.'} && npx speechdoc build\n`,
  );
  return EXIT.ok;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
