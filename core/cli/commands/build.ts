import { writeFile } from 'node:fs/promises';
import { hex } from '../../bytes/readers';
import { SpecError } from '../../spec/SpecError';
import { buildSpecFile } from '../../spec/NodeSpecFiles';
import type { CommandRun } from '../Command';
import { EXIT_CODES_HELP, ExitCode } from '../ExitCode';
import { fileErrorReason, isFileSystemError } from '../fileErrorReason';
import { InputError } from '../InputError';
import { parseCommandLine } from '../parseCommandLine';
import { parseFormat } from '../parseFormat';
import { runWithUsage } from '../runWithUsage';
import { UsageError } from '../UsageError';

const help = `usage: khoscope build SPEC.json -o OUT [--format text|json]

Builds a memory image holding a KHO tree from a declarative spec
(docs/build-spec.md): fragments as DTS files, inline trees or typed raw
structs (luo-ser, memfd, kexec-metadata, kho-test), the links between them,
the scheme (draft, kho-v1 ... kho-v4), RAM ranges, page size, placement
hints and the preserved-memory map. The same spec always builds the same
bytes. Files the spec names are read relative to it.

options:
  -o, --output OUT   the image to write (raw or ELF, as the spec says)
  --format text      where every root and fragment went, one a line (default)
  --format json      the same as JSON: {"output", "container", "bytes", "roots", "fragments"}

A spec that cannot be read or is not valid exits with status 3, naming the
file and the field.

${EXIT_CODES_HELP}`;

/** `khoscope build`: a spec to an image. */
export const runBuild: CommandRun = (args) =>
  runWithUsage('build', help, async () => {
    const { values, positionals } = parseCommandLine(args, {
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(help);
      return ExitCode.ok;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one SPEC.json');
    if (values.output === undefined) throw new UsageError('give the output file with -o OUT');
    return build(positionals[0], values.output, parseFormat(values.format, ['text', 'json']));
  });

/** Builds the spec and writes the image, listing where everything went. */
async function build(spec: string, output: string, format: 'text' | 'json'): Promise<number> {
  let built: ReturnType<typeof buildSpecFile>;
  try {
    built = buildSpecFile(spec);
  } catch (error) {
    if (error instanceof SpecError) throw new InputError(`${spec}: ${error.message}`);
    // The spec or a file it names is missing or unreadable; the error's own path says which.
    if (isFileSystemError(error))
      throw new InputError(`${(error as NodeJS.ErrnoException).path ?? spec}: ${fileErrorReason(error)}`);
    throw error;
  }
  await writeFile(output, built.file);
  const roots = built.spec.roots.map((root, i) => ({
    fragment: root.fragment,
    compatible: root.compatible,
    address: hex(built.built.roots[i]),
  }));
  const fragments = [...built.built.locations].map(([id, location]) => ({
    id,
    bytes: location.length,
    where:
      location.kind === 'pages'
        ? `pages ${location.pages.map(hex).join(' + ')}`
        : location.kind === 'contiguous'
          ? `at ${hex(location.address)}`
          : '',
  }));
  if (format === 'json') {
    const report = { output, container: built.spec.container, bytes: built.file.length, roots, fragments };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return ExitCode.ok;
  }
  for (const root of roots) process.stdout.write(`root ${root.fragment} (${root.compatible}) at ${root.address}\n`);
  for (const fragment of fragments)
    process.stdout.write(`fragment ${fragment.id}: ${fragment.bytes} bytes ${fragment.where}\n`);
  process.stdout.write(`wrote ${output} (${built.spec.container}, ${built.file.length} bytes)\n`);
  return ExitCode.ok;
}
