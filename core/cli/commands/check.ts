import { formatDiagnostic } from '../../kho/render/formatDiagnostic';
import type { Command } from '../Command';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope check IMAGE [--strict] [--root ADDR]... [--base ADDR] [--page-size N]

Decodes the KHO tree of an image and prints every diagnostic with where it
is. Exit status: 0 when there is no error (and, with --strict, no warning),
1 with --strict when there are warnings but no errors, 2 when there are errors.

options:
${IMAGE_OPTIONS_HELP}
  --strict          warnings count against the exit status too
`;

/** `khoscope check`: diagnostics and an exit status for scripts. */
export const checkCommand: Command = {
  name: 'check',
  summary: "list the problems of an image's KHO tree (exit 2 on errors)",
  run: (args) =>
    runImageCommand('check', help, { strict: { type: 'boolean' } }, args, async (image, values) => {
      const graph = await decodeImageGraph(image);
      for (const diagnostic of graph.diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
      const count = (severity: string) => graph.diagnostics.filter((d) => d.severity === severity).length;
      const errors = count('error');
      const warnings = count('warning');
      const roots = graph.roots.filter((root) => root.fragment !== null).length;
      process.stdout.write(
        `${roots} root(s), ${graph.fragments.length} fragment(s): ${errors} error(s), ${warnings} warning(s), ${count('info')} note(s)\n`,
      );
      if (errors > 0) return 2;
      return values.strict === true && warnings > 0 ? 1 : 0;
    }),
};
