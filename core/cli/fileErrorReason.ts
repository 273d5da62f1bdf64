/**
 * A file-system failure in a few plain words (`no such file`, `permission
 * denied`) instead of Node's `ENOENT: no such file or directory, stat '…'`.
 * Errors without a known code keep their own message.
 */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or folder',
    ENOTDIR: 'a part of the path is not a folder',
    EISDIR: 'is a folder',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ELOOP: 'too many symbolic links',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many open files',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
    EIO: 'input/output error',
  };
  if (code !== undefined && code in reasons) return reasons[code];
  return error instanceof Error ? error.message : String(error);
}

/** True for the errors `fileErrorReason` names: failures of the file system, not of khoscope. */
export function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
