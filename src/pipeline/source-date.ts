/**
 * The document date. Under SOURCE_DATE_EPOCH (reproducible-builds.org) every date written into a
 * PDF or DOCX is that instant, so the same input gives byte-identical files. The value is checked
 * once, before a build starts: a bad one is a usage error, never a silent "now".
 */

/** Latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, the last instant PDF and DOCX dates can write. */
export const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** What is wrong with SOURCE_DATE_EPOCH, in words, or undefined when it is unset or valid. */
export function sourceDateProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw.trim() === '') return undefined;
  const v = raw.trim();
  if (!/^\d+$/.test(v)) return `环境变量 SOURCE_DATE_EPOCH=${JSON.stringify(raw)} 不是从 1970 年起的秒数（应为非负整数，例如 1700000000）`;
  if (Number(v) > MAX_SOURCE_DATE_EPOCH) return `环境变量 SOURCE_DATE_EPOCH=${v} 超出范围（最大 ${MAX_SOURCE_DATE_EPOCH}，即 9999-12-31）`;
  return undefined;
}

/** The date to stamp into outputs: SOURCE_DATE_EPOCH when set and valid, else now. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && sourceDateProblem(env) === undefined && raw.trim() !== '') return new Date(Number(raw.trim()) * 1000);
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
