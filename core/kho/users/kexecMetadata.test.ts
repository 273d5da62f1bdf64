import { describe, expect, it } from 'vitest';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { placeKhoRoot } from '../../build/placeKhoRoot';
import { encodeKexecMetadata } from '../../build/rawStructs';
import { concatBytes } from '../../bytes/encoders';
import { decodeKhoGraph } from '../decode/decodeKhoGraph';

async function withMetadata(blob: Uint8Array) {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
  placeKhoRoot(builder, {
    address: 0x1000,
    compatible: 'kho-v3',
    map: 'radix-tree',
    children: [{ name: 'kexec-metadata', address: 0x8000, blob }],
  });
  return decodeKhoGraph(builder.memory, { roots: [0x1000] });
}

describe('kexec-metadata', () => {
  it('decodes version, previous release and kexec count as named fields', async () => {
    const graph = await withMetadata(encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }));
    expect(graph.diagnostics).toEqual([]);
    const fragment = graph.fragments[1];
    expect(fragment.user).toEqual({ user: 'kexec-metadata', version: 1, previousRelease: '7.3.4', kexecCount: 1 });
    expect(fragment.content).toMatchObject({
      kind: 'raw',
      format: 'kexec-metadata',
      fields: [
        { path: 'version', offset: 0, size: 4 },
        { path: 'previous_release', offset: 4, size: 65, value: { kind: 'string', value: '7.3.4' } },
        { path: 'kexec_count', offset: 69, size: 4, value: { kind: 'u32', value: 1 } },
      ],
    });
  });

  it('flags an unknown version and still decodes the version 1 layout', async () => {
    const graph = await withMetadata(encodeKexecMetadata({ version: 2, previousRelease: '8.0', kexecCount: 3 }));
    expect(graph.diagnostics).toMatchObject([
      { severity: 'warning', code: 'unknown-version', location: { fragment: '0x8000', property: 'version' } },
    ]);
    expect(graph.fragments[1].user).toMatchObject({ version: 2, kexecCount: 3 });
  });

  it('reports a blob too short for the struct', async () => {
    const graph = await withMetadata(encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }).subarray(0, 40));
    expect(graph.diagnostics).toMatchObject([{ severity: 'error', code: 'bad-size' }]);
  });

  it('flags trailing bytes past the struct', async () => {
    const graph = await withMetadata(
      concatBytes(encodeKexecMetadata({ previousRelease: '7.3.4', kexecCount: 1 }), new Uint8Array(7)),
    );
    expect(graph.diagnostics).toMatchObject([{ severity: 'warning', code: 'bad-size' }]);
  });
});
