import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../core/kho';
import { mainlineGraph, seedGraph, truncatedBlobSetGraph } from '../testing/testGraphs';
import { alternativeReadings } from './alternativeReadings';
import { breadcrumbOf } from './breadcrumbOf';
import { diagnosticBadges } from './diagnosticBadges';
import { diagnosticPlace } from './diagnosticPlace';
import { graphIndexOf } from './GraphIndex';
import { pathText } from './pathText';
import { physicalAddress } from './physicalAddress';
import { selectionExists } from './selectionExists';
import { sameSelection, selectionKey } from './selectionKey';

const at = (location: Diagnostic['location']): Diagnostic => ({
  severity: 'warning',
  code: 'test',
  message: 'm',
  location,
});

describe('physicalAddress', () => {
  it('adds the offset to a contiguous fragment, and finds the page of a page list', () => {
    expect(physicalAddress({ kind: 'contiguous', address: 0x23a000, length: 405 }, 0x48)).toBe(0x23a048);
    const pages = { kind: 'pages' as const, pages: [0x40003000, 0x40005000], pageSize: 4096, length: 6543 };
    expect(physicalAddress(pages, 0x10)).toBe(0x40003010);
    expect(physicalAddress(pages, 4096 + 0x20)).toBe(0x40005020);
    expect(physicalAddress(pages, 3 * 4096)).toBeNull();
    expect(physicalAddress({ kind: 'file', path: 'fdt', length: 233 }, 0)).toBeNull();
  });
});

describe('diagnosticPlace', () => {
  it('names the most precise place that exists', async () => {
    const index = graphIndexOf(await mainlineGraph());
    expect(diagnosticPlace(index, at({ fragment: '0x23a000', node: '/broken', property: 'preserved-data' }))).toEqual({
      kind: 'property',
      fragment: '0x23a000',
      node: '/broken',
      property: 'preserved-data',
    });
    expect(diagnosticPlace(index, at({ fragment: '0x23a000', node: '/memblock', property: 'nope' }))).toEqual({
      kind: 'node',
      fragment: '0x23a000',
      node: '/memblock',
    });
    expect(diagnosticPlace(index, at({ fragment: '0x23a000', node: '/' }))).toEqual({
      kind: 'fragment',
      fragment: '0x23a000',
    });
    // Raw fields are named with node '' even when the diagnostic leaves the node out.
    expect(diagnosticPlace(index, at({ fragment: '0x1844000', property: 'sessions_pa' }))).toEqual({
      kind: 'property',
      fragment: '0x1844000',
      node: '',
      property: 'sessions_pa',
    });
    expect(diagnosticPlace(index, at({ address: 0x1847010 }))).toEqual({ kind: 'fragment', fragment: '0x1847000' });
    expect(diagnosticPlace(index, at({ address: 0x5000 }))).toEqual({ kind: 'memory', address: 0x5000, length: 1 });
    expect(diagnosticPlace(index, at({}))).toBeNull();
  });

  it('places a pointer with no row of its own at its link', async () => {
    const index = graphIndexOf(await truncatedBlobSetGraph());
    expect(diagnosticPlace(index, at({ fragment: 'fdt', node: '/memblock', property: '' }))).toEqual({
      kind: 'fragment',
      fragment: 'fdt',
    });
    const graph = await mainlineGraph();
    const withLink = graphIndexOf({
      ...graph,
      links: graph.links
        .map((link) => ({
          ...link,
          from: { ...link.from, property: 'sessions[0].files[0].data', node: '', fragment: '0x1844000' },
        }))
        .slice(0, 1),
    });
    expect(diagnosticPlace(withLink, at({ fragment: '0x1844000', property: 'sessions[0].files[0].data' }))).toEqual({
      kind: 'link',
      link: graph.links[0].id,
    });
  });

  it('counts each place’s diagnostics with the worst severity for the outline badges', async () => {
    const graph = await mainlineGraph();
    const badges = diagnosticBadges(graph);
    expect(
      badges.get(selectionKey({ kind: 'property', fragment: '0x23a000', node: '/broken', property: 'preserved-data' })),
      // dangling-pointer (the blob is not in the image) and blob-outside-ram (the next kernel panics on it).
    ).toEqual({ count: 2, worst: 'error' });
    expect(
      badges.get(selectionKey({ kind: 'property', fragment: '0x1844000', node: '', property: 'sessions_pa' })),
    ).toEqual({ count: 1, worst: 'info' });
  });
});

describe('breadcrumbOf', () => {
  it('walks from the root to the property, each step selectable', async () => {
    const index = graphIndexOf(await seedGraph());
    const crumbs = breadcrumbOf(index, { kind: 'property', fragment: '0x40003000', node: '/', property: 'key7' });
    expect(crumbs.map((crumb) => crumb.label)).toEqual(['root 0x40000000', '0x40003000', 'key7']);
    const link = breadcrumbOf(index, { kind: 'link', link: '0x40002000:/node1:kho,recursive-fdt' });
    expect(link.map((crumb) => crumb.label)).toEqual([
      'root 0x40000000',
      '0x40002000',
      'node1',
      'kho,recursive-fdt',
      '→ 0x40003000',
    ]);
    expect(link[2].selection).toEqual({ kind: 'node', fragment: '0x40002000', node: '/node1' });
    expect(link[4].selection).toEqual({ kind: 'fragment', fragment: '0x40003000' });
  });
});

describe('alternativeReadings', () => {
  it('offers the other byte order of an ABI u64, and both u64 readings of dtc cells', async () => {
    const graph = await mainlineGraph();
    const index = graphIndexOf(graph);
    const pointer = index.valueItem('0x23a000', '/memblock', 'preserved-data');
    if (pointer?.kind !== 'property') throw new Error('no pointer');
    expect(alternativeReadings(pointer.property.value, pointer.property.raw, pointer.property.readings)).toEqual([
      { label: 'u64 BE', text: '0x70840100000000' },
    ]);
    const cells = alternativeReadings(
      { kind: 'u32-list', values: [0, 0x1000], order: 'be', basis: 'dtc' },
      Uint8Array.of(0, 0, 0, 0, 0, 0, 0x10, 0),
      { le: [0x10_0000_0000_0000n], be: [0x1000n] },
    );
    expect(cells).toEqual([
      { label: 'u64 LE', text: '0x10000000000000' },
      { label: 'u64 BE', text: '0x1000' },
    ]);
    expect(
      alternativeReadings({ kind: 'u32', value: 1, order: 'le', basis: 'abi' }, Uint8Array.of(1, 0, 0, 0), undefined),
    ).toEqual([{ label: 'u32 BE', text: '0x1000000' }]);
    expect(
      alternativeReadings({ kind: 'string', value: 'x', basis: 'dtc' }, Uint8Array.of(0x78, 0), undefined),
    ).toEqual([]);
  });
});

describe('selections', () => {
  it('compare by what they name, and exist only when the graph has them', async () => {
    const index = graphIndexOf(await mainlineGraph());
    expect(sameSelection({ kind: 'fragment', fragment: 'a' }, { kind: 'fragment', fragment: 'a' })).toBe(true);
    expect(sameSelection({ kind: 'fragment', fragment: 'a' }, null)).toBe(false);
    expect(selectionExists(index, { kind: 'node', fragment: '0x1847000', node: '/demo2' })).toBe(true);
    expect(selectionExists(index, { kind: 'node', fragment: '0x1847000', node: '/demo3' })).toBe(false);
    expect(
      selectionExists(index, { kind: 'property', fragment: '0x242000', node: '', property: 'previous_release' }),
    ).toBe(true);
    expect(selectionExists(index, { kind: 'diagnostic', index: 99 })).toBe(false);
  });

  it('write places as one copyable line', () => {
    expect(pathText('0x23a000', '/memblock')).toBe('0x23a000:/memblock');
    expect(pathText('0x23a000', '/memblock', 'preserved-data')).toBe('0x23a000:/memblock/preserved-data');
    expect(pathText('0x23a000', '/', 'compatible')).toBe('0x23a000:/compatible');
    expect(pathText('0x1844000', '', 'sessions_pa')).toBe('0x1844000:sessions_pa');
  });
});
