import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFdt } from '../../core/fdt';
import { compileDtsWithDtc, requireDtc } from '../../core/fdt/testing/NodeDtc';
import { buildDemoBlob } from './buildDemoBlob';

describe('buildDemoBlob', () => {
  it('builds the same bytes dtc compiles from demo.dts', () => {
    requireDtc();
    const source = readFileSync(new URL('./demo.dts', import.meta.url), 'utf8');
    expect(buildDemoBlob()).toEqual(compileDtsWithDtc(source, []));
  });

  it('holds the seed example: memblock with n1/n2, gpu with node1 linked over two pages', () => {
    const index = readFdt(buildDemoBlob());
    const node1 = index.findNode('/gpu@0x100000000/node1');
    expect(index.findNode('/memblock/n2')).toBeGreaterThan(0);
    expect(Array.from(index.propertyValue(index.findProperty(node1, 'kho,recursive-fdt')))).toEqual([
      0, 0, 0, 0, 0x40, 0, 0x30, 0, 0, 0, 0, 0, 0x40, 0, 0x50, 0,
    ]);
  });
});
