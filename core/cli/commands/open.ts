import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { fileErrorReason } from '../fileErrorReason';
import { InputError } from '../InputError';
import { findAppDir } from '../open/findAppDir';
import { serveExplorer } from '../open/ExplorerServer';
import { parseCommandLine } from '../parseCommandLine';
import { parseFormat } from '../parseFormat';
import { parseNumber } from '../parseNumber';
import { runWithUsage } from '../runWithUsage';
import { UsageError } from '../UsageError';

const help = `usage: khoscope open IMAGE [--port N] [--open] [--format text|json]

Serves the explorer on IMAGE, on this machine only, and prints the URL to
open; it runs until Ctrl+C. The page reads the image by byte ranges as it
needs them, never whole, and nothing leaves the machine: the server answers
only on 127.0.0.1, only with the explorer's files and this one image, and
only to URLs carrying the random token it prints.

options:
  --port N          the port on 127.0.0.1 (default: a free one)
  --open            also open the URL in the default browser
  --format text     print the URL (default)
  --format json     print {"url": …} on one line

${EXIT_CODES_HELP}`;

/** `khoscope open`: the explorer on a local image, served to this machine only. */
export const runOpen: CommandRun = (args) =>
  runWithUsage('open', help, async () => {
    const { values, positionals } = parseCommandLine(args, {
      port: { type: 'string' },
      open: { type: 'boolean' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(help);
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one IMAGE (a memory image or a DTB file)');
    const format = parseFormat(values.format, ['text', 'json']);
    const port = values.port === undefined ? 0 : parseNumber(values.port, '--port');
    if (port > 65535) throw new UsageError(`--port ${port} is not a TCP port (0 to 65535)`);
    const imagePath = positionals[0];
    const file = await stat(imagePath).catch((error: unknown) => {
      throw new InputError(`${imagePath}: ${fileErrorReason(error)}`);
    });
    if (!file.isFile()) throw new InputError(`${imagePath}: not a file (open serves one image file)`);
    const appDir = findAppDir();
    if (appDir === null) throw new Error('the explorer is not built here: run npm run build:app first');
    const server = await serveExplorer({ appDir, imagePath, port });
    process.stdout.write(format === 'json' ? `${JSON.stringify({ url: server.url })}\n` : `${server.url}\n`);
    if (format === 'text')
      process.stderr.write(`khoscope open: serving ${imagePath} on 127.0.0.1 only; Ctrl+C stops\n`);
    if (values.open) openBrowser(server.url);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return ExitCode.ok;
  });

/** Asks the desktop to open `url` (xdg-open, open, start); says so on stderr when it cannot. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () =>
    process.stderr.write(`khoscope open: could not start ${command} to open the browser; open the URL yourself\n`),
  );
  child.unref();
}
