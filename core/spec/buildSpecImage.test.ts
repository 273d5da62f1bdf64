import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeedExample } from '../build/seedExample';
import { decodeKhoGraph } from '../kho/decode/decodeKhoGraph';
import { openImage } from '../mem/openImage';
import { BytesSource } from '../mem/sources/BytesSource';
import { buildSpecImage } from './buildSpecImage';
import { buildSpecFile } from './NodeSpecFiles';
import { SpecError } from './SpecError';

const demos = join(import.meta.dirname, '../../demos');

/** Builds a spec given as an object; DTS "files" come from `files`. */
function build(spec: object, files: Record<string, string> = {}) {
  return buildSpecImage(JSON.stringify(spec), (path) => {
    if (!(path in files)) throw new Error(`no file ${path}`);
    return files[path];
  });
}

function refusal(spec: object, files: Record<string, string> = {}): string {
  try {
    build(spec, files);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message;
  }
  throw new Error('the spec was not refused');
}

const small = {
  container: 'raw',
  ram: [{ start: '0x100000', size: '0x40000' }],
  fragments: {
    root: { tree: {} },
    note: {
      tree: {
        properties: { compatible: '"note-v1"', value: 'u64le:0x1234', list: '<1 2>' },
        children: { inner: { properties: { flag: '' } } },
      },
    },
  },
  roots: [{ fragment: 'root', scheme: 'kho-v3' }],
  links: [{ from: 'root:/note', to: 'note' }],
};

describe('building images from specs', () => {
  it('builds the seed demo byte for byte as the decoder tests build the seed example', () => {
    const { built } = buildSpecFile(join(demos, 'seed-example.json'));
    const reference = buildSeedExample().memory;
    expect(built.memory.writtenPages()).toEqual(reference.writtenPages());
    for (const page of reference.writtenPages())
      expect(built.memory.readSync(page, 4096)).toEqual(reference.readSync(page, 4096));
  });

  it('writes a raw image as its one RAM range, with inline trees and little-endian values', async () => {
    const { file, built } = build(small);
    expect(file.length).toBe(0x40000);
    // Its first byte is the root FDT's magic: say it is raw, or it opens as a lone DTB.
    const image = await openImage(new BytesSource(file, 'small.img'), { base: 0x100000, container: 'raw' });
    const graph = await decodeKhoGraph(image);
    expect(graph.roots.map((r) => [r.address, r.compatible])).toEqual([[0x100000, 'kho-v3']]);
    const note = graph.fragments.find((f) => f.compatible === 'note-v1')!;
    expect(note.location).toEqual(built.locations.get('note'));
    const root = note.content?.kind === 'fdt' ? note.content.root : undefined;
    expect(root?.properties.map((p) => [p.name, Array.from(p.raw)])).toEqual([
      ['compatible', [...'note-v1'].map((c) => c.charCodeAt(0)).concat(0)],
      ['value', [0x34, 0x12, 0, 0, 0, 0, 0, 0]],
      ['list', [0, 0, 0, 1, 0, 0, 0, 2]],
    ]);
    expect(root?.children.map((c) => c.path)).toEqual(['/inner']);
    expect(graph.links[0]).toMatchObject({ scheme: 'preserved-data', size: note.size });
    expect(graph.diagnostics).toEqual([]);
  });

  it('writes the same bytes every time', () => {
    expect(Buffer.compare(Buffer.from(build(small).file), Buffer.from(build(small).file))).toBe(0);
  });

  it('writes an ELF core that stores only the written pages and keeps the RAM whole', async () => {
    const { file } = build({ ...small, container: 'elf', osRelease: '7.2.0' });
    // Root, note, six radix-tree pages, headers: nowhere near the 256 KiB of RAM.
    expect(file.length).toBeLessThan(10 * 4096);
    const image = await openImage(new BytesSource(file, 'small.elf'));
    if (image.kind !== 'memory') throw new Error('not a memory image');
    expect(image.memory.ranges).toEqual([{ start: 0x100000, end: 0x140000 }]);
    expect(image.notes.osRelease).toBe('7.2.0');
    expect(await image.memory.pageState(0x13f000)).toBe('zero-fill');
  });

  it('refuses what it cannot build, naming the place', () => {
    expect(refusal({ ...small, colour: 'red' })).toMatch(/^spec: unknown key "colour"/);
    expect(refusal({ ...small, ram: [{ start: '0x100001', size: '0x1000' }] })).toMatch(
      /^ram\[0\]: must be a non-empty page-aligned range/,
    );
    expect(refusal({ ...small, ram: [...small.ram, { start: '0x200000', size: '0x1000' }] })).toMatch(
      /a raw image is one flat range/,
    );
    expect(refusal({ ...small, links: [{ from: 'root:/x', to: 'nothing' }] })).toMatch(
      /^links\[0\]\.to: names no fragment/,
    );
    expect(refusal({ ...small, links: [{ from: 'root', to: 'note' }] })).toMatch(/must be "<fragment>:\/node\/path"/);
    expect(
      refusal({ ...small, fragments: { ...small.fragments, note: { tree: { properties: { a: '<1' } } } } }),
    ).toMatch(/^fragments\.note\.tree\.properties\.a: not DTS value syntax/);
    expect(refusal({ ...small, fragments: { ...small.fragments, note: { tree: { children: { '7': {} } } } } })).toMatch(
      /looks like an integer/,
    );
    expect(
      refusal(
        { ...small, fragments: { ...small.fragments, note: { dts: 'note.dts' } } },
        { 'note.dts': '/dts-v1/;\n/ { a = <1; };\n' },
      ),
    ).toMatch(/^fragments\.note\.dts: note\.dts line 2, column \d+:/);
    expect(refusal({ ...small, fragments: { ...small.fragments, note: { dts: 'gone.dts' } } })).toMatch(
      /gone\.dts: no file gone\.dts/,
    );
    expect(refusal({ ...small, fragments: { ...small.fragments, note: { bytes: { hex: 'abc' } } } })).toMatch(
      /not a string of hex byte pairs/,
    );
    expect(refusal({ ...small, pageSize: 1000 })).toMatch(/power of two/);
    expect(refusal({ ...small, preserve: [{ root: 'note', start: '0x100000', size: '0x1000' }] })).toMatch(
      /^preserve\[0\]\.root: note is not a root's fragment/,
    );
    expect(refusal({ ...small, data: [{ at: '0x13f000', bytes: { zero: 8192 } }] })).toMatch(
      /^data\[0\]: its bytes are not all inside one RAM range/,
    );
    expect(refusal({ ...small, roots: [{ fragment: 'root', scheme: 'kho-v9' }] })).toMatch(
      /must be one of draft, kho-v1/,
    );
  });

  it('refuses links that form a cycle, and a contiguous place for a page-list target', () => {
    const draft = {
      ram: [{ start: '0x100000', size: '0x40000' }],
      fragments: { top: { tree: {} }, a: { tree: {} }, b: { tree: {}, at: '0x120000' } },
      roots: [{ fragment: 'top', scheme: 'draft' }],
      links: [
        { from: 'top:/a', to: 'a' },
        { from: 'a:/b', to: 'b' },
      ],
    };
    expect(refusal(draft)).toMatch(/^fragments\.b\.at: a page list links to this fragment, so it lives on pages/);
    const cycle = {
      ...draft,
      fragments: { ...draft.fragments, b: { tree: {} } },
      links: [...draft.links, { from: 'b:/a', to: 'a' }],
    };
    expect(refusal(cycle)).toMatch(/the links form a cycle/);
  });

  it('refuses two placements on one page', () => {
    expect(
      refusal({ ...small, fragments: { root: { tree: {}, at: '0x100000' }, note: { tree: {}, at: '0x100000' } } }),
    ).toMatch(/page 0x100000 is already taken/);
  });

  it('writes the feature-bit luo_ser (152 bytes) when a LUO struct gives features, and refuses it with a version string', async () => {
    const spec = {
      ...small,
      container: 'elf',
      fragments: {
        root: { tree: {} },
        luo: {
          struct: 'luo-ser',
          features: { supported: '0x13', required: '0x11' },
          liveupdateNum: 9,
          sessions: null,
          flbs: null,
        },
      },
      links: [{ from: 'root:/LUO', to: 'luo' }],
    };
    const { file } = build(spec);
    const graph = await decodeKhoGraph(await openImage(new BytesSource(file, 'luo.elf')));
    const luo = graph.fragments.find((f) => f.format === 'luo-ser')!;
    expect(luo.size).toBe(152);
    expect(luo.user).toMatchObject({
      user: 'luo',
      compatible: 'luo-features',
      liveupdateNumber: 9n,
      // active defaults to the supported bits
      features: { supported: 0x13n, required: 0x11n, active: 0x13n, unknownRequired: 0x10n },
    });
    expect(graph.diagnostics.map((d) => d.code)).toContain('unknown-required-feature');
    const both = { ...spec.fragments.luo, compatible: 'luo-v5' };
    expect(refusal({ ...spec, fragments: { ...spec.fragments, luo: both } })).toMatch(
      /^fragments\.luo\.features: the feature-bit luo_ser has no version string/,
    );
  });
});
