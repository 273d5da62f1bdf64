/**
 * An input the command cannot use: a missing or unreadable file, or one that
 * is not what the command needs. `main` prints its message after the command's
 * name and exits with `ExitCode.unreadableInput`.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
