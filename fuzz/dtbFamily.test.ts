import { describe, expect, it } from 'vitest';
import { makeInput } from './families';
import { runTarget } from './runTarget';

/** Inputs made and run here: enough to meet every kind of lie, few enough for a unit test. */
const COUNT = 24;

describe('fuzz family dtb', () => {
  it('is deterministic per (seed, index)', () => {
    for (let index = 0; index < COUNT; index++) {
      const a = makeInput('dtb', 21, index);
      const b = makeInput('dtb', 21, index);
      expect(b).toEqual(a);
    }
    expect(makeInput('dtb', 21, 0)).not.toEqual(makeInput('dtb', 22, 0));
  });

  it('feeds lone DTBs to the image pipeline, which accepts or refuses them', async () => {
    const whats: string[] = [];
    for (let index = 0; index < COUNT; index++) {
      const input = makeInput('dtb', 21, index);
      expect(input.target).toBe('image');
      expect(input.files).toBeUndefined();
      whats.push(input.what);
      const outcome = await runTarget(input);
      expect(['ok', 'refused'], `input ${index} (${input.what}): ${outcome.message}`).toContain(outcome.kind);
    }
    // Header lies are told, and most inputs still start with the FDT magic (they open as DTBs).
    expect(whats.some((what) => /totalsize|offDtStrings|sizeDtStruct|cut to/.test(what))).toBe(true);
    const dtbs = Array.from({ length: COUNT }, (_, i) => makeInput('dtb', 21, i).bytes).filter(
      (bytes) => bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) === 0xd00dfeed,
    );
    expect(dtbs.length).toBeGreaterThan(COUNT / 2);
  });
});
