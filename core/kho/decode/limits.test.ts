import { describe, expect, it } from 'vitest';
import { fdtDocument, fdtNode } from '../../build/fdtTree';
import { KhoImageBuilder } from '../../build/KhoImageBuilder';
import { buildSeedExample } from '../../build/seedExample';
import { cstring, u64List } from '../../bytes/encoders';
import { decodeKhoGraph } from './decodeKhoGraph';
import type { KhoProgress } from './KhoDecodeOptions';

/** A chain of `length` one-page fragments, each linking the next page. */
function chain(length: number) {
  const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x100_0000 }] });
  for (let i = 0; i < length; i++) {
    const next = i + 1 < length ? [fdtNode('next', [['kho,recursive-fdt', u64List([(i + 2) * 0x1000], 'be')]])] : [];
    builder.placeFdt(
      (i + 1) * 0x1000,
      fdtDocument([['compatible', cstring(i === 0 ? 'kho-v1' : `link${i}-v1`)]], next),
    );
  }
  return builder.memory;
}

const limitHits = (codes: { code: string }[]) => codes.filter((d) => d.code === 'limit-reached').length;

describe('limits, cancellation and progress', () => {
  it('stops at maxFragments and says so', async () => {
    const { memory, root } = buildSeedExample();
    const graph = await decodeKhoGraph(memory, { roots: [root], limits: { maxFragments: 2 } });
    expect(graph.fragments).toHaveLength(2);
    expect(limitHits(graph.diagnostics)).toBe(1);
  });

  it('stops at maxDepth on a long chain', async () => {
    const graph = await decodeKhoGraph(chain(100), { roots: [0x1000], limits: { maxDepth: 10 } });
    expect(graph.fragments).toHaveLength(11);
    expect(graph.diagnostics.find((d) => d.code === 'limit-reached')?.message).toMatch(/deeper than maxDepth \(10\)/);
  });

  it('stops reading at maxTotalBytes', async () => {
    const graph = await decodeKhoGraph(chain(100), { roots: [0x1000], limits: { maxTotalBytes: 3000 } });
    expect(graph.fragments.length).toBeLessThan(100);
    expect(graph.diagnostics.find((d) => d.code === 'limit-reached')?.message).toMatch(/maxTotalBytes/);
  });

  it('keeps at most maxDiagnostics and counts the rest', async () => {
    const builder = new KhoImageBuilder({ ram: [{ start: 0, end: 0x10_0000 }] });
    const children = Array.from({ length: 20 }, (_, i) => fdtNode(`c${i}`, [['kho,recursive-fdt', new Uint8Array(3)]]));
    builder.placeFdt(0x1000, fdtDocument([['compatible', cstring('kho-v1')]], children));
    const graph = await decodeKhoGraph(builder.memory, { roots: [0x1000], limits: { maxDiagnostics: 5 } });
    expect(graph.diagnostics).toHaveLength(6);
    expect(graph.diagnostics[5]).toMatchObject({
      code: 'limit-reached',
      message: '16 more diagnostics were left out (limit maxDiagnostics = 5)',
    });
  });

  it('rejects with the signal reason when cancelled', async () => {
    const controller = new AbortController();
    const reason = new Error('user closed the image');
    const decoding = decodeKhoGraph(chain(30), {
      roots: [0x1000],
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.fragments >= 5) controller.abort(reason);
      },
    });
    await expect(decoding).rejects.toBe(reason);
  });

  it('reports progress through every phase', async () => {
    const seen: KhoProgress[] = [];
    const { memory, root } = buildSeedExample();
    await decodeKhoGraph(memory, { roots: [root], onProgress: (progress) => seen.push(progress) });
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['roots', 'fragments', 'checks', 'done']);
    expect(seen[seen.length - 1]).toMatchObject({ phase: 'done', fragments: 4, links: 3 });
    expect(seen[seen.length - 1].bytesRead).toBeGreaterThan(4096);
  });
});
