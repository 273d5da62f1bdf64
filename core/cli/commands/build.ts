import { writeFile } from 'node:fs/promises';
import { hex } from '../../bytes/readers';
import { SpecError } from '../../spec/SpecError';
import { buildSpecFile } from '../../spec/NodeSpecFiles';
import type { Command } from '../Command';
import { parseCommandLine } from '../parseCommandLine';
import { runWithUsage } from '../runWithUsage';
import { UsageError } from '../UsageError';

const help = `usage: khoscope build SPEC.json -o OUT

Builds a memory image holding a KHO tree from a declarative spec
(docs/build-spec.md): fragments as DTS files, inline trees or typed raw
structs (luo-ser, memfd, kexec-metadata, kho-test), the links between them,
the scheme (draft, kho-v1 ... kho-v4), RAM ranges, page size, placement
hints and the preserved-memory map. The same spec always builds the same
bytes. Files the spec names are read relative to it.

options:
  -o, --output OUT   the image to write (raw or ELF, as the spec says)
`;

/** `khoscope build`: a spec to an image. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build a memory image with a KHO tree from a declarative JSON spec',
  run: (args) =>
    runWithUsage('build', help, async () => {
      const { values, positionals } = parseCommandLine(args, {
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        process.stdout.write(help);
        return 0;
      }
      if (positionals.length !== 1) throw new UsageError('give exactly one SPEC.json');
      if (values.output === undefined) throw new UsageError('give the output file with -o OUT');
      return build(positionals[0], values.output);
    }),
};

/** Builds the spec and writes the image, listing where everything went. */
async function build(spec: string, output: string): Promise<number> {
  let built: ReturnType<typeof buildSpecFile>;
  try {
    built = buildSpecFile(spec);
  } catch (error) {
    if (error instanceof SpecError) {
      process.stderr.write(`khoscope build: ${spec}: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`khoscope build: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
  await writeFile(output, built.file);
  for (const [i, root] of built.spec.roots.entries())
    process.stdout.write(`root ${root.fragment} (${root.compatible}) at ${hex(built.built.roots[i])}\n`);
  for (const [id, location] of built.built.locations) {
    const where =
      location.kind === 'pages'
        ? `pages ${location.pages.map(hex).join(' + ')}`
        : location.kind === 'contiguous'
          ? `at ${hex(location.address)}`
          : '';
    process.stdout.write(`fragment ${id}: ${location.length} bytes ${where}\n`);
  }
  process.stdout.write(`wrote ${output} (${built.spec.container}, ${built.file.length} bytes)\n`);
  return 0;
}
