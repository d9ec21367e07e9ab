/**
 * The document date. Under SOURCE_DATE_EPOCH (reproducible-builds.org) every date written into a
 * PDF or DOCX is that instant, so the same input gives byte-identical files.
 */

/** The date to stamp into outputs: SOURCE_DATE_EPOCH when set and valid, else now. */
export function sourceDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && /^\d+$/.test(raw.trim())) return new Date(Number(raw.trim()) * 1000);
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
