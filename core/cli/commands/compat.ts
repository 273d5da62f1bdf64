import { imageFormats } from '../../kho/compat/imageFormats';
import { judgeCompatibility, KNOWN_RELEASES, parseRelease } from '../../kho/compat/judgeCompatibility';
import { renderCompatText } from '../../kho/compat/renderCompatText';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { parseFormat } from '../parseFormat';
import { UsageError } from '../UsageError';
import { decodeImageGraph } from './decodeImageGraph';
import { IMAGE_OPTIONS_HELP, runImageCommand } from './imageArguments';

const help = `usage: khoscope compat IMAGE [--target RELEASE] [--format text|json] [--root ADDR]...
                       [--base ADDR] [--page-size N] [--raw]

Lists every KHO format and version string the image's outgoing tree uses,
each with where it is (root compatible and its parts, map encoding, every
blob's compatible, LUO and handler versions, feature bits, debugfs names),
and the kernel releases known to read it, from a catalogue with sources
(docs/kho-formats.md). With --target, answers yes, no or unknown: can that
kernel take over from this image, and why. Compatibility across versions is
not guaranteed by the kernel; "unknown" means no catalogued fact decides.

Releases catalogued: ${KNOWN_RELEASES.join(', ')}.
With --target, an answer other than yes is a finding (exit status 1).

options:
${IMAGE_OPTIONS_HELP}
  --target RELEASE  the kernel that would take over (7.4, 7.4-rc1, ...)
  --format text     one line per format (default)
  --format json     the same as JSON

${EXIT_CODES_HELP}`;

/** `khoscope compat`: which kernels can read the formats an image uses. */
export const runCompat: CommandRun = (args) =>
  runImageCommand(
    'compat',
    help,
    { target: { type: 'string' }, format: { type: 'string' } },
    args,
    async (image, values) => {
      const format = parseFormat(values.format, ['text', 'json']);
      const targetText = values.target as string | undefined;
      const target = targetText === undefined ? null : parseRelease(targetText);
      if (targetText !== undefined && target === null)
        throw new UsageError(`--target must be a release such as 7.4 or 7.4-rc1, not '${targetText}'`);
      const graph = await decodeImageGraph(image);
      const report = judgeCompatibility(imageFormats(graph), target);
      if (format === 'json') {
        const items = report.items.map(({ entry, ...item }) => ({
          ...item,
          status: entry?.status ?? null,
          source: entry?.source ?? null,
        }));
        process.stdout.write(`${JSON.stringify({ ...report, items }, null, 2)}\n`);
      } else process.stdout.write(renderCompatText(report));
      return target !== null && report.answer !== 'yes' ? ExitCode.findings : ExitCode.ok;
    },
  );
