import { ExitCode } from './ExitCode';
import { UsageError } from './UsageError';

/**
 * Runs a command's body. A `UsageError` it throws (a malformed option, a
 * missing argument) is printed on stderr with the command's help, and the
 * status is `ExitCode.usage`; any other error is left to `main`.
 */
export async function runWithUsage(name: string, help: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`khoscope ${name}: ${error.message}\n${help}`);
    return ExitCode.usage;
  }
}
