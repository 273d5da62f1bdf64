/**
 * `khoscope` command line: dispatches to one module per command, imported
 * only when that command runs. Every command returns its exit status
 * (`ExitCode`); errors go to stderr in plain words.
 */
import { readFileSync } from 'node:fs';
import { MemoryError } from '../mem/MemoryError';
import { commands } from './commands';
import { EXIT_CODES_HELP, ExitCode } from './ExitCode';
import { fileErrorReason, isFileSystemError } from './fileErrorReason';
import { InputError } from './InputError';

const usage = `khoscope — explore Linux Kexec HandOver (KHO) trees

usage: khoscope <command> [options]

commands:
${'{COMMANDS}'}

  khoscope --help             this text
  khoscope --version          the version
  khoscope <command> --help   help for one command

Every command takes --format to choose its output (text, json, dts: the ones
it offers are in its help).

${EXIT_CODES_HELP}`;

function version(): string {
  // The CLI sits two folders below the package root both in the checkout (core/cli) and built (dist/cli).
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit status. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const list = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
    process.stdout.write(usage.replace('{COMMANDS}', list));
    return ExitCode.ok;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`khoscope ${version()}\n`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`khoscope: unknown command '${name}' (see khoscope --help)\n`);
    return ExitCode.usage;
  }
  const interrupted = () => {
    process.stderr.write(`\nkhoscope ${name}: interrupted (Ctrl-C); an output being written may be incomplete\n`);
    process.exit(ExitCode.interrupted);
  };
  // Long loops (the root scan, decodes, map decoders, and renders through
  // writeChunks) yield to the event loop every 16 ms (Checkpoint), so this
  // runs within that of Ctrl-C.
  process.once('SIGINT', interrupted);
  try {
    return await (await command.load())(rest);
  } catch (error) {
    return reportFailure(name, error);
  } finally {
    process.off('SIGINT', interrupted);
  }
}

/**
 * A failure no command handled: an input it cannot use (or a read of the
 * image that failed) is `unreadableInput` (3), anything else (an output that cannot be written, a fault of
 * khoscope's own) is `failed` (4).
 */
function reportFailure(name: string, error: unknown): number {
  if (error instanceof InputError || error instanceof MemoryError) {
    process.stderr.write(`khoscope ${name}: ${error.message}\n`);
    return ExitCode.unreadableInput;
  }
  const path = (error as NodeJS.ErrnoException | null)?.path;
  const reason = isFileSystemError(error)
    ? `${path === undefined ? '' : `${path}: `}${fileErrorReason(error)}`
    : error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`khoscope ${name}: ${reason}\n`);
  return ExitCode.failed;
}
