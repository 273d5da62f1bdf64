import type { Rng } from './Rng';
import { U64_LIES } from './mutate';
import type { SeedImage } from './seeds';
import { memo } from './memo';

/**
 * A copy of `seed` with 1 to 4 KHO-level lies told in its pages: a word that
 * holds an address in RAM (an FDT pointer, a page-list entry, a radix-tree
 * entry, an anchor `next`) is pointed at its own page (self-loops, radix
 * self-loops, page lists naming themselves), at another pointer's target
 * (cycles, shared pages), outside RAM or at a huge value; a small word (a
 * size or count: `blob-size`, an anchor's count) becomes huge. Returns the
 * lying pages and what was done.
 */
export function tellLies(seed: SeedImage, rng: Rng): { seed: SeedImage; what: string } {
  const pages = new Map<number, Uint8Array>();
  for (const [address, bytes] of seed.pages) pages.set(address, bytes.slice());
  const { pointers, smalls } = memo(`${seed.name} lie places`, () => liePlaces(seed));
  const told: string[] = [];
  const lies = rng.between(1, 4);
  const ramEnd = BigInt(seed.ranges[seed.ranges.length - 1].end);
  for (let i = 0; i < lies; i++) {
    if (pointers.length > 0 && (smalls.length === 0 || rng.chance(0.7))) {
      const p = rng.pick(pointers);
      const kind = rng.below(6);
      const value = [
        BigInt(p.page),
        rng.pick(pointers).value,
        BigInt(rng.pick([...pages.keys()])),
        ramEnd - BigInt(rng.pick([0, 8, 4096])),
        p.value + BigInt(rng.pick([1, 4, 2048])),
        rng.pick(U64_LIES),
      ][kind];
      const names = ['self', 'another target', 'another page', 'RAM end', 'unaligned', 'huge'];
      new DataView(pages.get(p.page)!.buffer).setBigUint64(p.offset, value, true);
      told.push(`0x${(p.page + p.offset).toString(16)}: pointer -> ${names[kind]}`);
    } else if (smalls.length > 0) {
      const s = rng.pick(smalls);
      const value = rng.pick([2n ** 63n, 2n ** 53n, 2n ** 32n - 1n, 2n ** 24n, 16n << 20n]);
      new DataView(pages.get(s.page)!.buffer).setBigUint64(s.offset, value, true);
      told.push(`0x${(s.page + s.offset).toString(16)}: small -> ${value}`);
    }
  }
  return { seed: { ...seed, pages }, what: told.join(', ') || 'no lie found' };
}

/** Where lies can be told in `seed`: words holding an address in RAM, and small nonzero words (sizes, counts). */
function liePlaces(seed: SeedImage): {
  pointers: Array<{ page: number; offset: number; value: bigint }>;
  smalls: Array<{ page: number; offset: number }>;
} {
  const inRam = (value: bigint) => seed.ranges.some((r) => value >= BigInt(r.start) && value < BigInt(r.end));
  const pointers: Array<{ page: number; offset: number; value: bigint }> = [];
  const smalls: Array<{ page: number; offset: number }> = [];
  for (const [address, bytes] of seed.pages) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset + 8 <= bytes.length; offset += 4) {
      const value = view.getBigUint64(offset, true);
      if (value !== 0n && inRam(value & ~0xfffn)) pointers.push({ page: address, offset, value });
      else if (value > 0n && value < 1n << 24n && offset % 8 === 0) smalls.push({ page: address, offset });
    }
  }
  return { pointers, smalls };
}
