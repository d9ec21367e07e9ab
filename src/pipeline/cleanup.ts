/**
 * What an interrupted run must undo, in one place: every module that leaves something behind while
 * it works (a temporary output, a LibreOffice child and its temp folder, worker threads) registers a
 * synchronous undo here, and the signal handler runs them all before exiting. Synchronous because a
 * signal handler may be the last code that runs.
 */

const undos = new Set<() => void>();

/** Register an undo; returns the function that unregisters it. */
export function onInterrupt(undo: () => void): () => void {
  undos.add(undo);
  return () => undos.delete(undo);
}

/** Run every registered undo (each at most once), ignoring their failures: all of them must get their turn. */
export function undoAll(): void {
  for (const undo of [...undos]) {
    undos.delete(undo);
    try {
      undo();
    } catch {
      // Best effort: the next undo still runs.
    }
  }
}

/** Kill a process group (a detached child and everything it started); quiet when it is gone already. */
export function killProcessGroup(pid: number): void {
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
