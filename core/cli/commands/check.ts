import { formatDiagnostic } from '../../kho/render/formatDiagnostic';
import { describeRootRoles } from '../../kho/roles/describeRootRoles';
import { judgeByRole } from '../../kho/roles/judgeByRole';
import type { Command } from '../Command';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope check IMAGE [--strict] [--root ADDR]... [--base ADDR] [--page-size N]

Decodes the KHO tree of an image and prints every diagnostic with where it
is. Exit status: 0 when there is no error (and, with --strict, no warning),
1 with --strict when there are warnings but no errors, 2 when there are errors.

An image of a kernel that itself booted through KHO holds several roots: its
outgoing one, and the incoming one it consumed (map zeroed, blobs freed), and
maybe stale ones from earlier hops. Each root's role is printed with its
evidence. Without --root, the outgoing root is judged: the problems of a
consumed root are expected and are printed as notes that say why. With
--root, every root given is judged strictly.

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
      const diagnostics = image.roots === null ? judgeByRole(graph) : graph.diagnostics;
      for (const line of describeRootRoles(graph)) process.stdout.write(`${line}\n`);
      for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
      const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
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
