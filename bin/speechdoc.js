#!/usr/bin/env node
// The speechdoc command: runs the compiled CLI in dist/. An installed package ships dist/; in a clone
// `npm install` / `npm ci` builds it (the `prepare` script, scripts/bundle.mjs), and `npm run build`
// rebuilds it after the sources changed.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'speechdoc：找不到编译后的程序 dist/main.mjs。\n' +
      '在源码目录中请先运行 npm install（或 npm run build）；已安装的软件包缺少它时请重新安装。\n',
  );
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
