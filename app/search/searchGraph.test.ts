import { describe, expect, it } from 'vitest';
import { mainlineGraph, seedGraph } from '../testing/testGraphs';
import { MAX_RESULTS, searchGraph } from './searchGraph';

describe('searchGraph', () => {
  it('finds the fragment at an address and every value holding it, little-endian', async () => {
    const results = searchGraph(await mainlineGraph(), '0x1847000');
    expect(results[0]).toMatchObject({
      selection: { kind: 'fragment', fragment: '0x1847000' },
      reason: 'at this address',
    });
    expect(results.slice(1, 3).map((result) => [result.selection, result.reason])).toEqual(
      expect.arrayContaining([
        [
          { kind: 'property', fragment: '0x23a000', node: '/memblock', property: 'preserved-data' },
          'holds it as u64 LE',
        ],
        [expect.objectContaining({ kind: 'link' }), 'holds it as pointer (LE)'],
      ]),
    );
  });

  it('finds values that hold the address big-endian (the seed’s page lists)', async () => {
    const results = searchGraph(await seedGraph(), '0x40005000');
    expect(results.map((result) => result.selection)).toContainEqual({
      kind: 'property',
      fragment: '0x40002000',
      node: '/node1',
      property: 'kho,recursive-fdt',
    });
    const reasons = results.map((result) => result.reason);
    expect(reasons).toContain('holds it as u64 BE');
    // 0x40005000 is the second page of fragment 0x40003000, not its start.
    expect(results).toContainEqual(
      expect.objectContaining({
        selection: { kind: 'fragment', fragment: '0x40003000' },
        reason: 'contains 0x40005000',
      }),
    );
  });

  it('finds names and text values by substring, case-insensitive, each thing once', async () => {
    const graph = await mainlineGraph();
    const results = searchGraph(graph, 'DEMO');
    expect(results.map((result) => result.title)).toEqual(['demo1', 'demo2']);
    const reserve = searchGraph(graph, 'reserve-mem');
    expect(reserve.every((result) => result.reason === 'text')).toBe(true);
    expect(reserve.map((result) => result.selection)).toContainEqual({
      kind: 'property',
      fragment: '0x1847000',
      node: '/demo1',
      property: 'compatible',
    });
  });

  it('finds decimal numbers too, lists nothing for an empty query, and caps long lists', async () => {
    const graph = await seedGraph();
    expect(searchGraph(graph, String(0x40001000)).map((result) => result.selection)).toContainEqual({
      kind: 'fragment',
      fragment: '0x40001000',
    });
    expect(searchGraph(graph, '   ')).toEqual([]);
    expect(searchGraph(graph, 'e').length).toBeLessThanOrEqual(MAX_RESULTS);
    expect(searchGraph(graph, 'key').length).toBe(MAX_RESULTS);
  });
});
