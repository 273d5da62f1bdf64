import { judgeCommandLine } from '../../kho/checks/checkReserveMemCmdline';
import { formatDiagnostic } from '../../kho/render/formatDiagnostic';
import { describeKernelFacts } from '../../kho/kernel/describeKernelFacts';
import { describeRootRoles } from '../../kho/roles/describeRootRoles';
import { judgeByRole } from '../../kho/roles/judgeByRole';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope check IMAGE [--strict] [--cmdline STRING] [--format text|json] [--root ADDR]... [--base ADDR] [--page-size N]

Decodes the KHO tree of an image and prints every diagnostic with where it
is. Exit status 0 when there is no error (and, with --strict, no warning), 1
when there is.

An image of a kernel that itself booted through KHO holds several roots: its
outgoing one, and the incoming one it consumed (map zeroed, blobs freed), and
maybe stale ones from earlier hops. Each root's role is printed with its
evidence. Without --root, the outgoing root is judged: the problems of a
consumed root are expected and are printed as notes that say why. With
--root, every root given is judged strictly.

options:
${IMAGE_OPTIONS_HELP}
  --strict          warnings count against the exit status too
  --cmdline STRING  the next kernel's command line: each preserved reserve-mem
                    region is compared with its reserve_mem=size:align:name
                    (a size that differs is an error: that kernel refuses it).
                    Without it, a debugfs set's cmdline file is used, if any
  --format text     one diagnostic a line, then the counts (default)
  --format json     {"roots", "fragments", "errors", "warnings", "notes", "roles": [lines],
                    "kernel": {"kernelImage", "commandLine", "missing"},
                    "diagnostics": [...]}
                    (diagnostics as in docs/graph-json-schema.md)

${EXIT_CODES_HELP}`;

/** `khoscope check`: diagnostics and an exit status for scripts. */
export const runCheck: CommandRun = (args) =>
  runImageCommand(
    'check',
    help,
    { strict: { type: 'boolean' }, cmdline: { type: 'string' }, format: { type: 'string' } },
    args,
    async (image, values) => {
      const format = parseFormat(values.format, ['text', 'json']);
      // A command line the user gives replaces the one the image carries (a debugfs set's cmdline file).
      const graph = judgeCommandLine(await decodeImageGraph(image), (values.cmdline as string | undefined) ?? null);
      const diagnostics = image.roots === null ? judgeByRole(graph) : graph.diagnostics;
      const roles = describeRootRoles(graph);
      const count = (severity: string) => diagnostics.filter((d) => d.severity === severity).length;
      const summary = {
        roots: graph.roots.filter((root) => root.fragment !== null).length,
        fragments: graph.fragments.length,
        errors: count('error'),
        warnings: count('warning'),
        notes: count('info'),
      };
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify({ ...summary, roles, kernel: graph.kernel, diagnostics }, null, 2)}\n`);
      } else {
        for (const line of [...roles, ...describeKernelFacts(graph)]) process.stdout.write(`${line}\n`);
        for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
        process.stdout.write(
          `${summary.roots} root(s), ${summary.fragments} fragment(s): ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.notes} note(s)\n`,
        );
      }
      const failing = summary.errors > 0 || (values.strict === true && summary.warnings > 0);
      return failing ? ExitCode.findings : ExitCode.ok;
    },
  );
