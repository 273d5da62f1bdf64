/** A mistake in the command line: the command prints it with its help and exits with `ExitCode.usage` (2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
