import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeKhoGraph, type KhoGraph } from '../../core/kho';
import { openImage } from '../../core/mem/openImage';
import { BytesSource } from '../../core/mem/sources/BytesSource';
import { aboutSelection } from './aboutSelection';
import { COMPATIBLE_TOPICS, PROPERTY_TOPICS } from './aboutTopics';

let graph: KhoGraph;
beforeAll(async () => {
  const file = resolve(import.meta.dirname, '..', '..', 'fixtures', 'linux-7.3', 'at-kexec.carved.elf');
  graph = await decodeKhoGraph(await openImage(new BytesSource(new Uint8Array(readFileSync(file)), 'at-kexec.elf')));
});

const titles = (selection: Parameters<typeof aboutSelection>[1], tab: 'graph' | 'memmap' = 'graph') =>
  aboutSelection(graph, selection, tab).map((topic) => topic.title);

describe('aboutSelection on the real Linux 7.3 dump', () => {
  it('explains a root child’s preserved-data and blob-size, then the root they belong to', () => {
    expect(titles({ kind: 'property', fragment: '0x23a000', node: '/memblock', property: 'preserved-data' })).toEqual([
      'preserved-data',
      'the KHO root',
    ]);
    expect(titles({ kind: 'property', fragment: '0x23a000', node: '/memblock', property: 'blob-size' })[0]).toBe(
      'blob-size',
    );
  });

  it('explains a reserve-mem-v1 node by its compatible, and memblock’s blob', () => {
    expect(titles({ kind: 'node', fragment: '0x1847000', node: '/demo1' })).toEqual([
      'a reserve-mem-v1 node',
      'memblock’s blob',
    ]);
  });

  it('explains LUO’s raw fields and the memfd by format', () => {
    expect(titles({ kind: 'property', fragment: '0x1844000', node: '', property: 'sessions_pa' })).toEqual([
      'sessions_pa',
      'LUO (struct luo_ser)',
    ]);
    expect(titles({ kind: 'fragment', fragment: '0x1868000' })).toEqual(['a preserved memfd']);
  });

  it('adds the order lanes on the memory map, and knows nothing of a bare memory range elsewhere', () => {
    expect(titles({ kind: 'memory', address: 0x239000, length: 8 }, 'memmap')).toEqual(['order lanes']);
    expect(titles({ kind: 'memory', address: 0x239000, length: 8 })).toEqual([]);
  });

  it('gives every explanation a source, with an https kernel link where there is one', () => {
    for (const topic of [...Object.values(PROPERTY_TOPICS), ...Object.values(COMPATIBLE_TOPICS)]) {
      expect(topic.source.label.length, topic.title).toBeGreaterThan(5);
      if (topic.source.url) expect(topic.source.url).toMatch(/^https:\/\/git\.kernel\.org\//);
    }
  });
});
