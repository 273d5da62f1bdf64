/**
 * `khoscope` command line: dispatches to one module per command.
 * Every command returns its exit status; errors go to stderr in plain words.
 */
import { readFileSync } from 'node:fs';
import { commands } from './commands';

const usage = `khoscope — explore Linux Kexec HandOver (KHO) trees

usage: khoscope <command> [options]

commands:
${'{COMMANDS}'}

  khoscope --help       this text
  khoscope --version    the version
  khoscope <command> --help   help for one command
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit status. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const list = commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n');
    process.stdout.write(usage.replace('{COMMANDS}', list));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`khoscope ${version()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`khoscope: unknown command '${name}' (see khoscope --help)\n`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    process.stderr.write(`khoscope ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
