import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MemoryError } from '../MemoryError';
import { compressPage } from '../testing/NodeKdumpBuilder';
import { vectorPage } from '../testing/compressionVectors';
import { NodeZlibInflater } from './NodeZlibInflater';
import { KdumpCompression, PageDecompressor } from './PageDecompressor';
import { WebStreamInflater } from './WebStreamInflater';

const place = { fileOffset: 0x5000, address: 0x1234000 };
const page = vectorPage();

describe('PageDecompressor', () => {
  for (const [label, inflater] of [
    ['DecompressionStream', new WebStreamInflater()],
    ['node:zlib', new NodeZlibInflater()],
  ] as const) {
    it(`inflates zlib pages with ${label}`, async () => {
      const decoder = new PageDecompressor(4096, inflater);
      expect(await decoder.decode(new Uint8Array(deflateSync(page)), KdumpCompression.zlib, place)).toEqual(page);
    });

    it(`refuses a zlib bomb with ${label} quickly`, async () => {
      const bomb = new Uint8Array(deflateSync(new Uint8Array(16 * 1024 * 1024)));
      const decoder = new PageDecompressor(4096, inflater);
      const started = Date.now();
      await expect(decoder.decode(bomb, KdumpCompression.zlib, place)).rejects.toThrow(
        /kdump page 0x1234000 at file offset 0x5000: zlib data is corrupt or inflates past 4096 bytes/,
      );
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it(`refuses corrupt and short zlib pages with ${label}`, async () => {
      const decoder = new PageDecompressor(4096, inflater);
      const good = new Uint8Array(deflateSync(page));
      await expect(decoder.decode(good.subarray(0, good.length - 10), KdumpCompression.zlib, place)).rejects.toThrow(
        MemoryError,
      );
      await expect(
        decoder.decode(new Uint8Array(deflateSync(page.subarray(0, 100))), KdumpCompression.zlib, place),
      ).rejects.toThrow(/inflates to 100 bytes, expected 4096/);
      await expect(decoder.decode(Uint8Array.from([1, 2, 3, 4]), KdumpCompression.zlib, place)).rejects.toThrow(
        MemoryError,
      );
    });
  }

  it('decodes LZO, Snappy and uncompressed pages', async () => {
    const decoder = new PageDecompressor(4096, undefined);
    for (const codec of ['lzo', 'snappy', 'none'] as const) {
      const stored = compressPage(page, codec);
      expect(await decoder.decode(stored.bytes, stored.flags, place)).toEqual(page);
    }
  });

  it('re-anchors codec errors at the page data offset', async () => {
    const decoder = new PageDecompressor(4096, undefined);
    const error = await decoder
      .decode(Uint8Array.from([0x15, 1, 2]), KdumpCompression.lzo, place)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryError);
    expect((error as MemoryError).at).toBe(0x5000 + 1);
    expect((error as MemoryError).message).toMatch(/kdump page 0x1234000 .*LZO1X stream: a run of 4 literal bytes/);
  });

  it('names zstd as unsupported and refuses ambiguous or missing codecs', async () => {
    const decoder = new PageDecompressor(4096, undefined);
    await expect(decoder.decode(new Uint8Array(10), KdumpCompression.zstd, place)).rejects.toThrow(
      /zstd-compressed, which khoscope does not support/,
    );
    await expect(
      decoder.decode(new Uint8Array(10), KdumpCompression.lzo | KdumpCompression.snappy, place),
    ).rejects.toThrow(/more than one compression/);
    await expect(decoder.decode(new Uint8Array(10), KdumpCompression.zlib, place)).rejects.toThrow(/no inflater/);
    await expect(decoder.decode(new Uint8Array(100), 0, place)).rejects.toThrow(
      /uncompressed page holds 100 bytes, expected 4096/,
    );
  });
});
