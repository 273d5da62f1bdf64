import { describe, expect, it } from 'vitest';
import { readFdt, writeFdt } from '../../fdt';
import { u64le } from '../../kho/discover/testing/khoTestImage';
import { wideRootDocument } from '../../kho/testing/wideRootImage';
import { patchBlob } from './valueChanges';

describe('patchBlob', () => {
  const blob = writeFdt(wideRootDocument(3));
  const current = readFdt(blob).toDocument().root.children[1].properties[0].value;

  it('gives back the blob itself when no change alters a byte (a blob may claim 16 MiB: no copy, no whole compare)', () => {
    expect(patchBlob('b', blob, [])).toBe(blob);
    expect(patchBlob('b', blob, [{ node: '/c1', property: 'fdt', value: current }])).toBe(blob);
  });

  it('patches a copy when a value changes, leaving the input as it was', () => {
    const before = blob.slice();
    const patched = patchBlob('b', blob, [{ node: '/c1', property: 'fdt', value: u64le(0x9000) }]);
    expect(patched).not.toBe(blob);
    expect(blob).toEqual(before);
    expect(readFdt(patched).toDocument().root.children[1].properties[0].value).toEqual(u64le(0x9000));
  });
});
