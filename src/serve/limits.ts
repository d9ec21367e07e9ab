/**
 * Every limit of `speechdoc serve`, in one place (the README's table lists them). Uploads larger
 * than a limit are refused with a message naming it; nothing past a limit is ever read into memory.
 */

/** One manuscript uploaded to the editor or for a download. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Text sent from the editor (a 100k-character speech is about 0.3 MB of UTF-8). */
export const MAX_TEXT_BYTES = 4 * 1024 * 1024;
/** Files in one batch (a zip counts its entries). */
export const MAX_BATCH_FILES = 200;
/** All the files of one batch together, as uploaded. */
export const MAX_BATCH_BYTES = 100 * 1024 * 1024;
/** All the entries of the zips in one batch, unpacked (a zip bomb stops here). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Batches running or waiting at once; more are refused until one finishes. */
export const MAX_BATCHES = 4;
/** How long a finished batch's zip is kept for download, in ms. */
export const BATCH_KEEP_MS = 15 * 60 * 1000;
/** Font subsets kept in memory for the page (each ~0.1–1 MB). */
export const MAX_CACHED_SUBSETS = 64;

/** A size in MB for messages. */
export function mb(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}
