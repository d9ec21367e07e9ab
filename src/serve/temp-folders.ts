/**
 * Private temporary folders for uploads: one root per server (mode 0700, under the OS temp
 * folder), one folder per request inside it, removed when the request is done; the root is
 * removed when the server stops. Names inside are made here, never taken from the client.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The temp folders of one server. */
export class TempFolders {
  /** The root; created at once with owner-only rights. */
  readonly root = mkdtempSync(join(tmpdir(), 'speechdoc-serve-'));
  private next = 1;

  /** Run `fn` with a fresh private folder that is removed afterwards, whatever happens. */
  async with<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = await this.make();
    try {
      return await fn(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A fresh private folder; the caller removes it (`remove`). */
  async make(): Promise<string> {
    const dir = await mkdtemp(join(this.root, `r${this.next++}-`));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** Remove one folder made here. */
  async remove(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
  }

  /** Remove everything (the server is stopping). */
  removeAll(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
