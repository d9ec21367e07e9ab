/**
 * The batch build's user-facing sentences, in one place so the CLI's translation layer can take
 * them over. Each says what happened, which limit it was, and how to raise it.
 */
import type { BoundKind } from './worker-pool.ts';

/** A file broke its time or memory bound. */
export function boundMessage(kind: BoundKind, limit: number): string {
  return kind === 'time'
    ? `处理超过 ${Math.round(limit / 1000)} 秒仍未完成，已停止这一个文件（上限 fileTimeout，可在配置文件中调高）`
    : `处理时内存超过 ${limit} MB，已停止这一个文件（上限 fileMemory，可在配置文件中调高）`;
}

/** A crash inside a stage: our bug, still only this file fails. */
export function internalError(first: string): string {
  return `内部错误：${first}（请把这个文件报告给维护者）`;
}

/** Writing the outputs failed; the old pair is kept. */
export function writeFailed(reason: string): string {
  return `无法写入输出文件：${reason}；原有的输出文件保持不变`;
}

/** `--jobs` was more than the machine can run. */
export function jobsCapped(asked: number, lanes: number, cores: number, memoryGb: number): string {
  return `--jobs ${asked} 超过本机能力（${cores} 个 CPU、${memoryGb.toFixed(1)} GB 可用内存），改为 ${lanes} 个并行通道`;
}

/** The document would have more pages than allowed; found before layout. */
export function tooManyPages(estimate: number, limit: number): string {
  return `文档约有 ${estimate} 页，超过上限 ${limit} 页（配置项 maxPages；上限最高 10000 页），请拆分后再排版`;
}

/** The input is bigger than allowed. */
export function inputTooLarge(size: string, limit: string): string {
  return `文件大小 ${size}，超过上限 ${limit}（配置项 maxInputBytes 可调高）`;
}

/** The input is not a regular file (a FIFO, a device). */
export function notRegularFile(): string {
  return '不是普通文件（可能是管道或设备），不能读取';
}
