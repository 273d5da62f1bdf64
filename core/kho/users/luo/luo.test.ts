import { describe, expect, it } from 'vitest';
import { fdtBlob, fdtNode } from '../../../build/fdtTree';
import type { KhoImageBuilder } from '../../../build/KhoImageBuilder';
import {
  encodeFileEntry,
  encodeFlbEntry,
  encodeFlbHeader,
  encodeKhoBlock,
  encodeLuoSer,
  encodeMemfdFolio,
  encodeMemfdSer,
  encodeSessionEntry,
  encodeVmallocChunk,
} from '../../../build/rawStructs';
import { concatBytes, cstring, u64 } from '../../../bytes/encoders';
import type { KhoGraph } from '../../model/KhoGraph';
import { decodeLuoImage, LUO_AT, LUO_TEST_PAGE } from './testing/luoTestImage';

const PS = LUO_TEST_PAGE;
const TOKEN = 0x4b48_4f2d_4445_4d4fn;
const at = LUO_AT;

/** The memfd part shared by both LUO generations: a memfd_luo_ser whose vmalloc area holds three folio records. */
function placeMemfd(builder: KhoImageBuilder, version: 1 | 2): void {
  const folios = { first: BigInt(at.chunk), totalPages: 1, flags: 1, order: 0 };
  builder.placeBytes(
    at.memfd,
    encodeMemfdSer({ version, pos: 0n, size: 0x3000n, seals: 1, nrFolios: 3, folios }),
    true,
  );
  builder.placeBytes(at.chunk, encodeVmallocChunk(PS, 0, [at.records]), true);
  builder.placeBytes(
    at.records,
    concatBytes(encodeMemfdFolio(0x200, 3, 0), encodeMemfdFolio(0x201, 3, 1), encodeMemfdFolio(0x202, 1, 2)),
    true,
  );
  // Each memfd folio is its own order-0 entry, as kho_preserve_folio writes it.
  for (let i = 0; i < 3; i++) builder.preserve(0x20_0000 + i * PS, PS);
}

function luoV5(sessionsBlock?: Uint8Array): Promise<KhoGraph> {
  return decodeLuoImage(encodeLuoSer({ liveupdateNum: 7, sessionsPa: at.sessions, flbsPa: at.flbs }), (builder) => {
    builder.placeBytes(
      at.sessions,
      sessionsBlock ??
        encodeKhoBlock(PS, 0, [encodeSessionEntry('demo', at.files, 1), encodeSessionEntry('empty', 0, 0)]),
      true,
    );
    builder.placeBytes(at.files, encodeKhoBlock(PS, 0, [encodeFileEntry('memfd-v2', at.memfd, TOKEN)]), true);
    builder.placeBytes(at.flbs, encodeFlbHeader(1, [encodeFlbEntry('iommu', 0x4000_0000n, 1n)]), true);
    placeMemfd(builder, 2);
  });
}

/** A kho-v4 root whose LUO child is a raw luo_ser with the given compatible. */
function rawLuo(compatible: string): Promise<KhoGraph> {
  return decodeLuoImage(encodeLuoSer({ compatible, liveupdateNum: 1, sessionsPa: 0, flbsPa: 0 }));
}

const memfdFolios = [
  { pfn: 0x200, address: 0x20_0000, flags: 3, state: ['dirty', 'uptodate'], index: 0n },
  { pfn: 0x201, address: 0x20_1000, flags: 3, state: ['dirty', 'uptodate'], index: 1n },
  { pfn: 0x202, address: 0x20_2000, flags: 1, state: ['dirty'], index: 2n },
];

describe('LUO', () => {
  it('luo-v5: decodes luo_ser, its session and file block sets, the memfd data and the FLBs', async () => {
    const graph = await luoV5();
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.property])).toEqual([
      ['info', 'unknown-file-handler', 'flbs[0].data'],
    ]);
    const luo = graph.fragments.find((f) => f.id === '0x10000')!;
    expect(luo).toMatchObject({ format: 'luo-ser', compatible: 'luo-v5', size: 32 });
    expect(luo.user).toEqual({
      user: 'luo',
      compatible: 'luo-v5',
      features: null,
      liveupdateNumber: 7n,
      sessionsAddress: at.sessions,
      flbsAddress: at.flbs,
      sessions: [
        {
          name: 'demo',
          filesAddress: at.files,
          fileCount: 1n,
          files: [
            {
              compatible: 'memfd-v2',
              data: BigInt(at.memfd),
              token: TOKEN,
              dataLink: '0x10000::sessions[0].files[0].data',
            },
          ],
        },
        { name: 'empty', filesAddress: 0, fileCount: 0n, files: [] },
      ],
      flbs: [{ name: 'iommu', data: 0x4000_0000n, count: 1n, dataLink: null }],
    });
    expect(graph.blockSets.map((b) => [b.id, b.layout, b.entry, b.blocks])).toEqual([
      ['blocks:0x10000::sessions_pa', 'kho-block', 'luo_session_ser', [{ address: at.sessions, count: 2, bytes: PS }]],
      ['blocks:0x10000::sessions[0].files', 'kho-block', 'luo_file_ser', [{ address: at.files, count: 1, bytes: PS }]],
      ['blocks:0x10000::flbs_pa', 'array', 'luo_flb_ser', [{ address: at.flbs, count: 1, bytes: PS }]],
    ]);
    expect(graph.links.map((l) => [l.id, l.scheme, l.to, l.size])).toContainEqual([
      '0x10000::sessions[0].files[0].data',
      'luo-file-data',
      '0x13000',
      48,
    ]);
    const memfd = graph.fragments.find((f) => f.id === '0x13000')!;
    expect(memfd.user).toEqual({
      user: 'memfd',
      handler: 'memfd-v2',
      version: 2,
      features: null,
      pos: 0n,
      size: 0x3000n,
      seals: 1,
      flags: 0,
      nrFolios: 3n,
      vmallocArea: 'vmalloc:0x13000::folios',
      folios: memfdFolios,
    });
    expect(graph.vmallocAreas).toMatchObject([
      { id: 'vmalloc:0x13000::folios', first: at.chunk, totalPages: 1, chunks: [at.chunk], pieces: [at.records] },
    ]);
  });

  it('luo-v5: rejects a block whose count is 0 or above capacity, like the kernel', async () => {
    const graph = await luoV5(encodeKhoBlock(PS, 0, [], 52));
    expect(graph.diagnostics.filter((d) => d.severity !== 'info')).toMatchObject([
      { severity: 'error', code: 'block-bad-count', location: { property: 'sessions_pa', address: at.sessions + 8 } },
    ]);
    expect(graph.diagnostics[0].message).toBe(
      'block 0x11000 says it holds 52 luo_session_ser entries; a block holds 1 to 51',
    );
  });

  it('luo-v5: stops a block list that loops', async () => {
    const graph = await luoV5(encodeKhoBlock(PS, at.sessions, [encodeSessionEntry('again', 0, 0)]));
    expect(graph.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code)).toEqual(['cycle']);
    expect(graph.fragments.find((f) => f.id === '0x10000')?.user).toMatchObject({ sessions: [{ name: 'again' }] });
  });

  it('luo-v1: decodes the LUO FDT, its session header array, file array, memfd-v1 data and FLB header', async () => {
    const luo = fdtBlob(
      [
        ['compatible', cstring('luo-v1')],
        ['liveupdate-number', u64(3)],
      ],
      [
        fdtNode('luo-session', [
          ['compatible', cstring('luo-session-v2')],
          ['luo-session-header', u64(at.sessions)],
        ]),
        fdtNode('luo-flb', [
          ['compatible', cstring('luo-flb-v1')],
          ['luo-flb-header', u64(at.flbs)],
        ]),
      ],
    );
    const graph = await decodeLuoImage(
      luo,
      (builder) => {
        builder.placeBytes(at.sessions, concatBytes(u64(1), encodeSessionEntry('old-style', at.files, 1)), true);
        builder.placeBytes(at.files, encodeFileEntry('memfd-v1', at.memfd, TOKEN), true);
        builder.placeBytes(at.flbs, encodeFlbHeader(1, []), true);
        placeMemfd(builder, 1);
      },
      { compatible: 'kho-v1', map: 'chunk-list' },
    );
    expect(graph.diagnostics).toEqual([]);
    expect(graph.fragments.find((f) => f.id === '0x10000')?.user).toMatchObject({
      compatible: 'luo-v1',
      liveupdateNumber: 3n,
      sessions: [
        {
          name: 'old-style',
          files: [{ compatible: 'memfd-v1', token: TOKEN, dataLink: '0x10000:/luo-session:sessions[0].files[0].data' }],
        },
      ],
      flbs: [],
    });
    expect(graph.blockSets.map((b) => [b.layout, b.entry, b.headerBytes])).toEqual([
      ['array', 'luo_session_ser', 8],
      ['array', 'luo_file_ser', 0],
      ['array', 'luo_flb_ser', 16],
    ]);
    expect(graph.fragments.find((f) => f.id === '0x13000')?.user).toMatchObject({
      version: 1,
      seals: null,
      flags: null,
      folios: memfdFolios,
    });
  });

  it('notes file handlers it does not know, and leaves data that is not an address in the image a number', async () => {
    const luo = encodeLuoSer({ liveupdateNum: 1, sessionsPa: at.sessions, flbsPa: 0 });
    const graph = await decodeLuoImage(luo, (builder) => {
      builder.placeBytes(at.sessions, encodeKhoBlock(PS, 0, [encodeSessionEntry('s', at.files, 1)]), true);
      builder.placeBytes(at.files, encodeKhoBlock(PS, 0, [encodeFileEntry('iommufd-v9', 0x9999000, 1n)]), true);
    });
    expect(graph.diagnostics).toMatchObject([
      { severity: 'info', code: 'unknown-file-handler', location: { property: 'sessions[0].files[0].data' } },
    ]);
    expect(graph.links).toHaveLength(1);
  });

  it('flags a raw LUO struct of an unknown version', async () => {
    const graph = await rawLuo('luo-v6');
    expect(graph.diagnostics.map((d) => [d.severity, d.code])).toEqual([
      ['warning', 'unknown-version'],
      ['info', 'sessions-not-serialized'],
    ]);
    expect(graph.fragments[1].user).toMatchObject({ compatible: 'luo-v6', liveupdateNumber: 1n });
  });

  it('reports bad magic for a LUO blob that is neither an FDT nor "luo-v…"', async () => {
    const graph = await rawLuo('oops');
    expect(graph.diagnostics).toMatchObject([
      { severity: 'error', code: 'bad-magic', location: { fragment: '0x10000', property: 'compatible', offset: 0 } },
    ]);
    expect(graph.fragments[1].user).toBeNull();
  });
  it('reports a session whose file count disagrees with its store, and an FLB header that claims too much', async () => {
    const luo = encodeLuoSer({ liveupdateNum: 1, sessionsPa: at.sessions, flbsPa: at.flbs });
    const graph = await decodeLuoImage(luo, (builder) => {
      builder.placeBytes(at.sessions, encodeKhoBlock(PS, 0, [encodeSessionEntry('two?', at.files, 2)]), true);
      builder.placeBytes(at.files, encodeKhoBlock(PS, 0, [encodeFileEntry('memfd-v2', 0, TOKEN)]), true);
      builder.placeBytes(at.flbs, concatBytes(u64(1), u64(100)), true);
    });
    expect(graph.diagnostics.map((d) => [d.severity, d.code, d.location.property])).toEqual([
      ['warning', 'count-mismatch', 'sessions[0].files'],
      ['error', 'bad-pointer', 'sessions[0].files[0].data'],
      ['error', 'bad-count', 'flbs_pa'],
    ]);
    expect(graph.diagnostics[2].message).toBe('FLB header says 100 entries in 1 pages; those pages hold at most 63');
  });
});
