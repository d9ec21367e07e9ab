/** `speechdoc init [dir]`: a working folder with a commented config, a sample speech and fonts/. */
import { copyFile, mkdir, writeFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { readFileSync, realpathSync } from 'node:fs';
import { displayPath, isInside } from '../../pipeline/collect-inputs.ts';
import { getLocale, t, type Locale } from '../../i18n/index.ts';
import { osErrorMessage } from '../../i18n/os-error.ts';
import type { Args } from '../run.ts';
import { EXIT, type Io } from '../io.ts';
import { FONT_ROLES } from '../../fonts/roles.ts';
import { STANDARD_FACES } from '../../fonts/standard-faces.ts';

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

/** The config `init` writes: every option, commented in the user's language, at its default. */
export function configTemplate(locale: Locale = getLocale()): string {
  return locale === 'en' ? CONFIG_TEMPLATE_EN : CONFIG_TEMPLATE_ZH;
}

/** The commented `fonts:` example of both templates: each role's standard face, from its one home. */
const FONTS_EXAMPLE = ['# fonts:', ...FONT_ROLES.map((r) => `#   ${r}: ${STANDARD_FACES[r][0]}`)].join('\n');

const CONFIG_TEMPLATE_ZH = `# speechdoc 配置文件。其中的路径都相对于本文件所在的文件夹。
# 每一项都可以不写；命令行上的选项优先于这里的设置。

# 要排版的文件、文件夹或通配符。
inputs: [input]
# 输出文件夹（输入的子文件夹结构会照样保留）。
out: output
# 输出格式：pdf、docx，或两者。也可以写成 format: pdf
format: [pdf, docx]
# official = GB/T 9704 讲话材料（每页 22 行 × 28 字）；reading = 讲话人用的大字号阅读稿。
preset: official
# 在 PDF 中突出显示未填写的占位符（XX、○○、某某等）。
draft: false
# 把警告（占位符未填、编号不连续、缺字、字体未找到等）当作失败。
strict: false
# 并行数（主线程加工作线程）；0 = 自动（批量大时每个 CPU 一个）。
jobs: 0
# 每次排版都把 JSON 报告写到这里（去掉 # 启用）。
# report: report.json
# 规范中文里的半角标点、引号和全角字母数字。
normalize: true
# 自备字体文件（TTF/OTF/TTC/WOFF 均可）所在的文件夹；见 fonts/README.md。
fontsDir: fonts
# 同时查找本机已安装的字体。
systemFonts: true
# 每个角色用的字体：写字体名或字体文件路径（字体集合写 路径#PostScript名）。
${FONTS_EXAMPLE}
# Word 文档的字体：system = 写标准字体名（方正小标宋简体、仿宋_GB2312…），新输入的字与周围一致；
# embed = 嵌入所用字体，供没有这些字体的读者使用。
docxFonts: system
# 输出存档用的 PDF/A-2b。
pdfa: false
# 拒绝大于这么多字节的输入文件。
maxInputBytes: 20971520
# 按规则名或类别调整检查结果的级别：off（关闭）、info、warning、error。
# rules:
#   numbering/gap: info
#   draft/*: off
`;

const CONFIG_TEMPLATE_EN = `# speechdoc configuration. Paths are relative to this file.
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
${FONTS_EXAMPLE}
# DOCX fonts: "system" names the standard faces (方正小标宋简体, 仿宋_GB2312…) so typed text stays
# in them; "embed" embeds the faces for readers who lack them.
docxFonts: system
# Write PDF/A-2b for archiving.
pdfa: false
# Refuse inputs larger than this many bytes.
maxInputBytes: 20971520
# Levels of findings by rule id or area: off, info, warning or error.
# rules:
#   numbering/gap: info
#   draft/*: off
`;

/** Run `init`. */
export async function runInit(args: Args, io: Io): Promise<number> {
  const m = t();
  const dir = resolve(io.cwd, String(args.dir ?? '.'));
  const config = join(dir, 'speechdoc.config.yaml');
  if (await exists(config)) {
    io.stderr.write(`${m.prefix}${m.init.exists(displayPath(config, io.cwd))}\n`);
    return EXIT.usage;
  }
  const sample = join(dir, 'input', 'sample-speech.txt');
  const readme = join(dir, 'fonts', 'README.md');
  try {
    await mkdir(join(dir, 'input'), { recursive: true });
    await mkdir(join(dir, 'fonts'), { recursive: true });
    await mkdir(join(dir, 'output'), { recursive: true });
    await writeFile(config, configTemplate(), { flag: 'wx' });
    if (!(await exists(sample))) await copyFile(join(PACKAGE_ROOT, 'input', 'seed-speech.txt'), sample);
    if (!(await exists(readme))) await copyFile(join(PACKAGE_ROOT, 'fonts', 'README.md'), readme);
  } catch (e) {
    io.stderr.write(`${m.prefix}${m.init.unwritable(osErrorMessage(e, displayPath(dir, io.cwd), 'write'))}\n`);
    return EXIT.failed;
  }
  const cd = dir === resolve(io.cwd) ? '' : `cd ${quote(displayPath(dir, io.cwd))} && `;
  io.stderr.write(`${m.init.created([config, sample, readme].map((f) => displayPath(f, io.cwd)))}\n${m.init.next(cd, `${launcher(dir, io.env)} build`)}\n`);
  return EXIT.ok;
}

/**
 * How to start speechdoc from `dir`, as this copy is installed: `speechdoc` when this copy is the
 * one on PATH (a global install), `npx speechdoc` when `dir` lies in the project whose
 * node_modules holds it, otherwise `node <path>/bin/speechdoc.js` (a clone, or a project elsewhere)
 * — `npx speechdoc` outside such a project would fetch some other package or fail.
 */
export function launcher(dir: string, env: NodeJS.ProcessEnv): string {
  const bin = join(PACKAGE_ROOT, 'bin', 'speechdoc.js');
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return undefined;
    }
  };
  const binReal = real(bin);
  // A node_modules/.bin on PATH is npx's or an npm script's, gone once it exits: not the user's shell.
  for (const d of (env.PATH ?? '').split(delimiter).filter((p) => p && !/node_modules[\\/]\.bin[\\/]?$/.test(p))) {
    if (binReal && real(join(d, 'speechdoc')) === binReal) return 'speechdoc';
  }
  const modules = dirname(PACKAGE_ROOT);
  if (basename(modules) === 'node_modules' && isInside(dir, dirname(modules))) return 'npx speechdoc';
  return `node ${quote(bin)}`;
}

/** A path as a shell word. */
function quote(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `"${p.replace(/(["\\$`])/g, '\\$1')}"`;
}

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}
