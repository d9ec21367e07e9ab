/**
 * An error from the file system as a sentence about the path the user gave. Node's own message
 * (`EACCES: permission denied, open '/…/.speechdoc-tmp-17596-…pdf'`) names whatever path the failing
 * call used — often a temporary file — and is English; the user needs to hear about their file.
 */
import { t } from './index.ts';

/** What the program was doing when the error came. */
export type OsAction = 'read' | 'write';

/** `e` (an ErrnoException or anything else) as one sentence naming `path`. */
export function osErrorMessage(e: unknown, path: string, action: OsAction = 'read'): string {
  const m = t().os;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return m.notFound(path);
    case 'EACCES':
    case 'EPERM':
      return action === 'write' ? m.noWritePermission(path) : m.noReadPermission(path);
    case 'EISDIR':
      return m.isFolder(path);
    case 'ENOTDIR':
    case 'EEXIST':
      return m.notFolder(path);
    case 'EROFS':
      return m.readOnly(path);
    case 'ENOSPC':
    case 'EDQUOT':
      return m.noSpace(path);
    case 'EBUSY':
    case 'ETXTBSY':
      return m.busy(path);
    case 'EMFILE':
    case 'ENFILE':
      return m.tooMany(path);
    default:
      return m.other(path, code ?? (e instanceof Error ? e.message.split('\n')[0]! : String(e)));
  }
}
