import { formatDiagnostic } from '../../kho/render/formatDiagnostic';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope check IMAGE [--strict] [--format text|json] [--root ADDR]... [--base ADDR] [--page-size N]

Decodes the KHO tree of an image and prints every diagnostic with where it
is. Exit status 0 when there is no error (and, with --strict, no warning), 1
when there is.

options:
${IMAGE_OPTIONS_HELP}
  --strict          warnings count against the exit status too
  --format text     one diagnostic a line, then the counts (default)
  --format json     {"roots", "fragments", "errors", "warnings", "notes", "diagnostics": [...]}
                    (diagnostics as in docs/graph-json-schema.md)

${EXIT_CODES_HELP}`;

/** `khoscope check`: diagnostics and an exit status for scripts. */
export const runCheck: CommandRun = (args) =>
  runImageCommand(
    'check',
    help,
    { strict: { type: 'boolean' }, format: { type: 'string' } },
    args,
    async (image, values) => {
      const format = parseFormat(values.format, ['text', 'json']);
      const graph = await decodeImageGraph(image);
      const count = (severity: string) => graph.diagnostics.filter((d) => d.severity === severity).length;
      const summary = {
        roots: graph.roots.filter((root) => root.fragment !== null).length,
        fragments: graph.fragments.length,
        errors: count('error'),
        warnings: count('warning'),
        notes: count('info'),
      };
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify({ ...summary, diagnostics: graph.diagnostics }, null, 2)}\n`);
      } else {
        for (const diagnostic of graph.diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
        process.stdout.write(
          `${summary.roots} root(s), ${summary.fragments} fragment(s): ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.notes} note(s)\n`,
        );
      }
      const failing = summary.errors > 0 || (values.strict === true && summary.warnings > 0);
      return failing ? ExitCode.findings : ExitCode.ok;
    },
  );
