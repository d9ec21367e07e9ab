/**
 * Chinese messages: the default language. Every string a user reads outside the findings about the
 * text (which are written in Chinese where they are made) lives here; `en.ts` mirrors the shape.
 */

/** Chinese. */
export const zh = {
  /** `--help`: the program, its commands, options and examples. */
  help: {
    usage: '$0 <命令> [选项]\n\n把讲话稿排成符合 GB/T 9704 的 PDF 讲话材料和可编辑的 Word 文档。',
    epilog: '退出码：0 成功；1 有文件失败或有错误；2 用法或配置错误；130 被中断。\n说明文档：README.md',
    demandCommand: '请指定一个命令：build、parse、check、fonts、init 或 serve。',
    lang: '界面语言：zh（中文，默认）或 en（英文）；也可用环境变量 LANG=en_US.UTF-8',
    help: '显示帮助',
    version: '显示版本号',
    build: {
      describe: '把讲话稿排成 PDF 和 Word 文档',
      inputs: '要排版的文件、文件夹或通配符；- 表示从标准输入读取',
      out: '输出文件夹（默认：output/）',
      format: '输出格式：pdf、docx 或 pdf,docx（默认两者都要）',
      preset: 'official = GB/T 9704 讲话材料；reading = 讲话人用的大字号阅读稿',
      draft: '在 PDF 中突出显示未填写的占位符（XX、○○ 等）',
      strict: '警告也算失败（占位符未填、编号不连续、缺字、字体未找到等）',
      jobs: '并行数（主线程加工作线程，1–64，0 为自动）；默认按批量大小自动决定',
      report: '把本次排版的 JSON 报告写到这个文件',
      watch: '监视输入文件，改动后自动重新排版',
      font: '指定某个角色的字体：角色=字体名或文件，如 body=仿宋_GB2312（可重复）',
      fontsDir: '自备字体所在的文件夹（默认：fonts/）',
      systemFonts: '查找本机已安装的字体（默认：是；--no-system-fonts 关闭）',
      docxFonts: 'embed = 在 Word 文档中嵌入所用字体的子集；system = 只写标准字体名',
      pdfa: '输出 PDF/A-2b（存档用）',
      normalize: '规范标点、引号和全半角（默认：是；--no-normalize 关闭）',
      config: '配置文件（默认：向上查找 speechdoc.config.json/.yaml）',
      quiet: '只显示错误和汇总',
      verbose: '显示每一条提示，以及程序出错时的详细信息',
      json: '以 JSON 行输出进度和汇总（供程序读取）',
      exBuild: '把 input/ 中的每篇讲话稿排版到 output/',
      exFormat: '只要 PDF，从另一个文件夹读取',
      exArchive: '整个档案，并写出报告',
      exFont: '使用标准字体',
      exStdin: '从标准输入读取，写出 output/stdin.pdf 和 .docx',
    },
    parse: {
      describe: '以 JSON 显示讲话稿的结构（标题、各级标题、要点、占位符等）',
      file: '一篇 .txt、.md、.json 或 .docx 讲话稿；- 表示从标准输入读取（按 .txt 解析）',
      normalize: '规范标点（默认：是）',
      ex: '显示标题、各级标题、“一是”要点和占位符',
    },
    check: {
      describe: '检查讲话稿：占位符、编号、括号引号、日期、文号等',
      files: '要检查的文件、文件夹或通配符',
      strict: '有警告也以退出码 1 结束',
      format: '输出格式：text 或 json',
      normalize: '报告标点和全半角的规范化（默认：是）',
      verbose: '逐条列出每一处规范化，并显示修改建议',
      fix: '把规范化后的文本（标点、引号、全半角）写到新文件 名称.fixed.txt/.md（只限 .txt 和 .md）',
      write: '与 --fix 一起：直接改写原文件',
      ex: '每行一条：文件:行:列 级别 规则 说明',
      exStrict: '有警告即失败；JSON 输出',
      exFix: '写出 speech.fixed.txt，原文件不动',
    },
    fonts: {
      describe: '显示每个角色用的是哪个字体，以及文档缺哪些字',
      file: '要检查字符的讲话稿',
      font: '角色=字体名或文件（可重复）',
      fontsDir: '自备字体所在的文件夹（默认：fonts/）',
      systemFonts: '查找本机已安装的字体（默认：是）',
      preset: '显示哪个预设的角色',
      config: '配置文件',
      json: 'JSON 输出',
      strict: '指定的字体未找到时以退出码 2 结束',
      ex: '角色与字体对照表',
      exFile: '再列出各字体缺少的字',
    },
    init: {
      describe: '建立工作文件夹：配置文件、带示例的 input/ 和 fonts/',
      dir: '要建立的文件夹',
      ex: '在 my-speeches 中建立',
    },
    serve: {
      describe: '打开本机网页：粘贴或拖入讲话稿，预览版面，下载 PDF 和 Word',
      port: '端口（默认 8020；0 表示任选一个空闲端口）',
      host: '监听的网络地址（默认 127.0.0.1，只有本机能访问）',
      open: '启动后在浏览器中打开网页',
      jobs: '排版用的后台线程数（默认 2）',
      preset: '网页打开时用的预设',
      draft: '突出显示未填写的占位符',
      strict: '有警告时下载失败',
      ex: '启动网页并在浏览器中打开',
    },
  },

  /** Prefix of every message the program itself prints. */
  /** Between items of a list in a sentence. */
  listSep: '、',
  /** Between a name and what is said about it. */
  colon: '：',
  prefix: 'speechdoc：',
  /** After a usage error. */
  seeHelp: '运行 speechdoc --help 查看用法。',
  /** yargs's own messages that its zh_CN locale lacks or words badly. */
  yargs: {
    'Commands:': '命令：',
    'Options:': '选项：',
    'Examples:': '示例：',
    'Positionals:': '参数：',
    boolean: '开关',
    string: '文字',
    number: '数字',
    array: '可多个',
    count: '计数',
    required: '必填',
    default: '默认',
    'default:': '默认：',
    'choices:': '可选：',
    'aliases:': '别名：',
    command: '命令',
    deprecated: '已弃用',
    'deprecated: %s': '已弃用：%s',
    'Not enough non-option arguments: got %s, need at least %s': {
      one: '缺少参数：给了 %s 个，至少需要 %s 个',
      other: '缺少参数：给了 %s 个，至少需要 %s 个',
    },
    'Too many non-option arguments: got %s, maximum of %s': {
      one: '参数太多：给了 %s 个，最多 %s 个',
      other: '参数太多：给了 %s 个，最多 %s 个',
    },
    'Missing argument value: %s': { one: '选项缺少值：%s', other: '这些选项缺少值：%s' },
    'Missing required argument: %s': { one: '缺少必填的参数：%s', other: '缺少这些必填的参数：%s' },
    'Unknown argument: %s': { one: '不认识的选项或参数：%s', other: '不认识这些选项或参数：%s' },
    'Unknown command: %s': { one: '没有这个命令：%s', other: '没有这些命令：%s' },
    'Invalid values:': '取值无效：',
    'Argument: %s, Given: %s, Choices: %s': '选项 %s 的值为 %s，可选的值是 %s',
    'Argument check failed: %s': '参数检查未通过：%s',
    'Implications failed:': '缺少需要一同给出的选项：',
    'Not enough arguments following: %s': '选项后面缺少值：%s',
    'Invalid JSON config file: %s': '无效的 JSON 配置文件：%s',
    'Path to JSON config file': 'JSON 配置文件的路径',
    'Show help': '显示帮助',
    'Show version number': '显示版本号',
    'Did you mean %s?': '是不是要用 %s？',
    'Arguments %s and %s are mutually exclusive': '选项 %s 和 %s 不能同时使用',
  } as Record<string, string | { one: string; other: string }>,

  /** Bad values on the command line or in a config file. */
  usage: {
    jobs: (given: string) => `--jobs（-j）的值“${given}”无效：应为 1 到 64 之间的整数（0 表示自动）`,
    format: (given: string) => `--format（-f）的值“${given}”无效：可用 pdf、docx 或 pdf,docx`,
    font: (given: string, roles: string) => `--font 的值“${given}”无效：应写成 角色=字体名或文件，角色可以是 ${roles}`,
    lang: (given: string) => `--lang 的值“${given}”无效：可用 zh 或 en`,
    reportIsFolder: (given: string, example: string) => `--report ${given}：这是一个文件夹，请给出报告文件的路径，例如 ${example}`,
    writeNeedsFix: '--write 只能与 --fix 一起使用',
    stdinTwice: '标准输入（-）只能给一次',
    fixNeedsText: (file: string) => `${file}：--fix 只能改写 .txt 和 .md 文件，这个文件未改动`,
  },

  /** Config files. */
  config: {
    unreadable: (file: string, why: string) => `无法读取配置文件 ${file}：${why}`,
    badSyntax: (file: string, kind: string, why: string) => `配置文件 ${file} 不是有效的 ${kind}：${why}`,
    field: (file: string, field: string, why: string) => `配置文件 ${file} 中的 ${field}：${why}`,
    syntaxAt: (line: number | undefined, column: number | undefined) => (line === undefined ? '有语法错误' : `第 ${line} 行第 ${column} 列附近有语法错误`),
    topLevel: '（整个文件）',
    notFound: (file: string) => `找不到配置文件 ${file}`,
  },

  /** Names of value types in config messages. */
  types: {
    string: '文字',
    number: '数字',
    boolean: 'true 或 false',
    array: '列表',
    object: '一组键值',
    null: '空值',
    undefined: '空',
  } as Record<string, string>,

  /** Config validation (zod issues). */
  zod: {
    invalidType: (expected: string, got: string) => `应为${expected}，实际是${got}`,
    invalidValue: (values: string) => `取值无效，可用的值：${values}`,
    unknownKeys: (keys: string) => `不认识的设置：${keys}`,
    tooSmallNumber: (min: string) => `不能小于 ${min}`,
    tooBigNumber: (max: string) => `不能大于 ${max}`,
    tooSmallLength: (min: string) => `至少要有 ${min} 项`,
    emptyString: '不能为空',
    notInteger: '应为整数',
    ruleKey: (areas: string) => `规则名应写成 numbering/gap 或 numbering/* 的样子，已知的类别：${areas}`,
    rule: (severities: string) => `规则的级别可用 ${severities}`,
  },

  /** What the OS said, as a sentence about the user's file or folder. */
  os: {
    notFound: (p: string) => `找不到 ${p}`,
    noReadPermission: (p: string) => `没有权限读取 ${p}`,
    noWritePermission: (p: string) => `没有权限写入 ${p}`,
    isFolder: (p: string) => `${p} 是文件夹，不是文件`,
    notFolder: (p: string) => `${p} 的路径中有一段是文件而不是文件夹`,
    readOnly: (p: string) => `${p} 所在的磁盘是只读的`,
    noSpace: (p: string) => `磁盘空间不足，无法写入 ${p}`,
    busy: (p: string) => `${p} 正被其他程序占用，请关闭后重试`,
    tooMany: (p: string) => `同时打开的文件太多，无法打开 ${p}`,
    other: (p: string, code: string) => `无法访问 ${p}（系统错误 ${code}）`,
  },

  /** Inputs and outputs of a build. */
  io: {
    noSuchInput: (p: string) => `找不到文件或文件夹 ${p}`,
    noMatch: (p: string) => `没有文件符合 ${p}`,
    outsideOut: (out: string) => `输出会写到 ${out} 之外，未排版`,
    collision: (names: string, stem: string) => `未排版：${names} 都会写成 ${stem}.*，请给其中一个改名`,
    overwritesInput: (p: string) => `未排版：输出会覆盖输入文件 ${p}；请用 -o 指定别的输出文件夹`,
    indexKept: (p: string) => `${p} 不是 speechdoc 生成的，没有覆盖它；这次的排版结果一览页未写出（用 -o 指定别的输出文件夹可得到一览页）`,
    overwritesForeign: (p: string) => `未排版：输出会覆盖 ${p}，它不是 speechdoc 生成的（可能是原稿或改过的稿子）；请用 -o 指定别的输出文件夹，或先把它移走`,
    outDirUnusable: (why: string) => `输出文件夹不能用：${why}；没有写出任何文件`,
    writeFailed: (why: string) => `无法写出输出：${why}`,
    internalError: (why: string) => `程序内部错误：${why}（请把这个文件和提示报告给维护者，加 -v 可看详细信息）`,
    tooLarge: (size: string, limit: string) => `文件大小 ${size}，超过 ${limit} 的上限（可在配置中调大 maxInputBytes）`,
    readFailed: (why: string) => `无法读取：${why}`,
    noSpeeches: (where: string) => `没有找到讲话稿：${where} 中没有 .txt、.md、.json、.docx、.doc、.wps 或 .odt 文件`,
    noSpeechesIn: (dir: string, kinds: string, n: number, readable: string) =>
      `没有找到讲话稿：文件夹 ${dir} 中没有可读的文件${n ? `（只有 ${kinds}，共 ${n} 个）` : ''}；可读的格式：${readable}`,
    reportFailed: (why: string) => `无法写出报告：${why}`,
  },

  /** Limits of one file and of the machine (lane 14's bounds). */
  limits: {
    time: (s: number) => `处理超过 ${s} 秒仍未完成，已停止这一个文件（上限 fileTimeout，可在配置文件中调高）`,
    memory: (mb: number) => `处理时内存超过 ${mb} MB，已停止这一个文件（上限 fileMemory，可在配置文件中调高）`,
    writeFailed: (reason: string) => `无法写入输出文件：${reason}；原有的输出文件保持不变`,
    jobsCapped: (asked: number, lanes: number, cores: number, gb: string) => `--jobs ${asked} 超过本机能力（${cores} 个 CPU、${gb} GB 可用内存），改为 ${lanes} 个并行通道`,
    pages: (estimate: number, limit: number) => `文档约有 ${estimate} 页，超过上限 ${limit} 页（配置项 maxPages；上限最高 10000 页），请拆分后再排版`,
    notRegularFile: '不是普通文件（可能是管道或设备），不能读取',
  },

  /** Build progress and summary. */
  build: {
    ok: '完成',
    warn: '警告',
    fail: '失败',
    pages: (n: number) => `（${n} 页）`,
    failedReason: '失败',
    progress: ' {bar} {value}/{total} | {file} | 已用 {duration_formatted}，约需 {eta_formatted}',
    summary: (files: number, ok: number, warn: number, failed: number, pages: number | undefined, secs: string) =>
      `共 ${files} 个文件：${ok} 个成功，${warn} 个有警告，${failed} 个失败${pages === undefined ? '' : ` · ${pages} 页`} · ${secs} 秒`,
    interrupted: (signal: string) => `已中断（${signal}）；没有留下写了一半的文件`,
    configUsed: (file: string | undefined) => `配置文件：${file ?? '无（只用命令行选项和默认值）'}`,
    watching: '正在监视改动（按 Ctrl-C 停止）',
    font: (line: string) => `字体  ${line}`,
  },

  /** Font substitution and font problems. */
  fonts: {
    substituted: (role: string, wanted: string, used: string) =>
      `字体：未找到${role}的标准字体“${wanted}”，暂用“${used}”代替`,
    substitutedFix: '要用标准字体：把字体文件放进 fonts/ 文件夹，或用 --font 角色=字体文件 指定（speechdoc fonts 可查看）',
    notFoundStrict: '指定的字体未找到（--strict 下视为错误），没有排版任何文件',
    notAFontFile: (file: string) => `${file} 不是字体文件（只认 .ttf、.otf、.ttc、.otc、.woff、.woff2），已跳过；压缩包请先解压，把其中的字体文件放进 fonts/`,
    notFoundStrictFonts: '指定的字体未找到（--strict 下视为错误）',
    roleNames: {
      title: '标题',
      body: '正文',
      heading1: '一级标题',
      heading2: '二级标题',
      heading3: '三级标题',
      lead: '“一是”要点',
      titleBlock: '署名日期',
      pageNumber: '页码',
      latin: '西文和数字',
    } as Record<string, string>,
    header: ['角色', '字体', '文件', '来源', '轮廓', '嵌入'],
    sources: { bundled: '随附', 'fonts/': 'fonts/', system: '本机', config: '指定' } as Record<string, string>,
    embedding: { installable: '可嵌入', editable: '可编辑嵌入', 'preview-print': '仅预览打印', restricted: '禁止嵌入' } as Record<string, string>,
    standInNote: '（代用）',
    fallbackTitle: '由后备字体补字：',
    allCovered: '每个字都在所属角色的字体中。',
    missingTitle: '所有字体都没有的字（会印成空白或方框）：',
    at: (line: number, column: number) => `（第 ${line} 行第 ${column} 列）`,
  },

  /** `check`. */
  check: {
    summary: (files: number, errors: number, warnings: number) => `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告`,
    fixed: (file: string, changes: number) => `已写出 ${file}（${changes} 处规范化）`,
    fixedInPlace: (file: string, changes: number) => `已改写 ${file}（${changes} 处规范化）`,
    nowUtf8: (was: string) => `；原为 ${was} 编码，现存为 UTF-8`,
    nothingToFix: (file: string) => `${file} 无需规范化，未写文件`,
    fixExists: (file: string) => `${file} 已存在，未覆盖；删除它或加 --write 直接改写原文件`,
  },

  /** Findings as printed. */
  finding: {
    wholeFile: '（全文）',
    hint: '提示：',
    quote: (text: string) => `原文：“${text}”`,
    severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  },

  /** `init`. */
  init: {
    exists: (p: string) => `${p} 已存在；没有做任何改动`,
    created: (files: string[]) => `已建立：\n${files.map((f) => `  ${f}`).join('\n')}`,
    next: (cd: string, command: string) => `下一步：${cd}${command}`,
    unwritable: (why: string) => `无法建立工作文件夹：${why}`,
  },

  /** `serve` starting and stopping. */
  serve: {
    badPort: (given: string) => `--port 应为 0 到 65535 的整数（0 表示自动选一个空闲端口），收到 ${given}`,
    badJobs: (given: string) => `--jobs 应为 1 到 16 的整数，收到 ${given}`,
    portInUse: (port: number) => `端口 ${port} 已被占用；用 --port 换一个，或 --port 0 自动选择`,
    noSuchHost: (host: string) => `本机没有地址 ${host}`,
    cannotStart: (why: string) => `无法启动网页服务：${why}`,
    openToNetwork: (host: string) => `注意：网页服务对 ${host} 开放，同一网络里的其他电脑也能打开并上传文稿；只在可信的内部网络里这样用`,
    started: (url: string) => `speechdoc serve：已启动，请在浏览器打开 ${url}（按 Ctrl-C 停止）`,
    stopped: 'speechdoc serve：已停止，临时文件已删除',
    cannotOpen: (url: string) => `无法自动打开浏览器，请手动打开 ${url}`,
  },

  /** `parse` and `check` reading files. */
  read: {
    stdinName: '（标准输入）',
    stdinEmpty: '标准输入是空的：没有可读的讲话稿',
  },
};

/** The shape every language's catalog has. */
export type Messages = typeof zh;
