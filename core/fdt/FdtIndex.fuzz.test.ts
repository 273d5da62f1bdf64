import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FDT_MAGIC } from './constants';
import { FdtError } from './FdtError';
import type { FdtIndex } from './FdtIndex';
import type { FdtReadOptions } from './FdtReadOptions';
import { FdtWriteError } from './FdtWriteError';
import { probeFdtHeader } from './FdtHeader';
import { readFdt } from './readFdt';
import { documentArbitrary } from './testing/fdtArbitraries';
import { writeFdt } from './writeFdt';

/** One input may take at most this long, index walk and re-encoding included. */
const PER_INPUT_BUDGET_MS = 1000;
/** Tight limits, so that limit checks run too, and a lying header cannot ask for much. */
const LIMITS: FdtReadOptions = { maxNodes: 5000, maxProperties: 20_000, maxDepth: 64, maxMemoryReservations: 64 };
/** The same limits, reading a cut-off blob as far as its bytes go. */
const TOLERANT: FdtReadOptions = { ...LIMITS, allowTruncated: true };

/** u32 values that make interesting lies: tokens, zero, all ones, near-overflow, sign bit. */
const interestingU32 = fc.oneof(
  fc.constantFrom(
    0,
    1,
    2,
    3,
    4,
    9,
    0x10,
    0x11,
    0x28,
    0x38,
    0xff,
    0x1000,
    0x7fffffff,
    0x80000000,
    0xfffffff0,
    0xfffffffc,
    0xffffffff,
  ),
  fc.nat({ max: 0xffffffff }),
);

/** A change to a valid blob. */
type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'extend'; bytes: Uint8Array };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), value: interestingU32 }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extend' as const), bytes: fc.uint8Array({ maxLength: 16 }) }),
);

function mutate(blob: Uint8Array, mutations: Mutation[]): Uint8Array {
  let bytes = blob.slice();
  for (const mutation of mutations) {
    if (bytes.length === 0) break;
    if (mutation.kind === 'flip') {
      bytes[mutation.at % bytes.length] ^= 1 << mutation.bit;
    } else if (mutation.kind === 'u32') {
      // Mostly on 4-byte boundaries, where header fields and tokens live.
      const at = (mutation.at % bytes.length) & ~3;
      if (at + 4 <= bytes.length) new DataView(bytes.buffer).setUint32(at, mutation.value);
    } else if (mutation.kind === 'truncate') {
      bytes = bytes.slice(0, mutation.at % bytes.length);
    } else {
      const longer = new Uint8Array(bytes.length + mutation.bytes.length);
      longer.set(bytes);
      longer.set(mutation.bytes, bytes.length);
      bytes = longer;
    }
  }
  return bytes;
}

/** Touches everything an index offers, so lazy decoding runs on the hostile bytes too. */
function walkIndex(index: FdtIndex): void {
  for (let n = 0; n < index.nodeCount; n++) {
    index.nodeName(n);
    index.nodePath(n);
    index.nodeChildren(n);
    expect(index.nodeEndOffset(n)).toBeGreaterThan(index.nodeOffset(n));
    for (const p of index.nodeProperties(n)) {
      expect(index.propertyValue(p).length).toBe(index.propertyLength(p));
      // A placeholder for a name a truncated blob does not hold matches nothing.
      if (index.propertyNameMissing(p)) expect(index.findProperty(n, index.propertyName(p))).toBe(-1);
      else expect(index.findProperty(n, index.propertyName(p))).toBeGreaterThanOrEqual(0);
      expect(index.propertyNode(p)).toBe(n);
    }
  }
  index.findNode('/a/b@1/c');
}

/**
 * Reads hostile bytes: either an FdtError or an index that holds together.
 * When the index's document can be written, it must read back to itself.
 * Fails when one input takes longer than the budget.
 */
function expectReadOrFdtError(bytes: Uint8Array, options: FdtReadOptions = LIMITS): void {
  const started = performance.now();
  let index: FdtIndex | undefined;
  try {
    index = readFdt(bytes, options);
  } catch (error) {
    if (!(error instanceof FdtError)) throw error;
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.reason.length).toBeGreaterThan(0);
  }
  if (index) {
    if (index.truncation === null) expect(index.bytes.length).toBe(index.header.totalSize);
    else expect(index.truncation.availableBytes).toBe(bytes.length);
    walkIndex(index);
    const doc = index.toDocument();
    try {
      const rewritten = writeFdt(doc);
      expect(readFdt(rewritten).toDocument()).toEqual(doc);
    } catch (error) {
      // A blob may hold names or header fields dtc would refuse; the writer must say so in its own error.
      if (!(error instanceof FdtWriteError)) throw error;
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > PER_INPUT_BUDGET_MS) throw new Error(`one input took ${elapsed.toFixed(0)} ms (${bytes.length} bytes)`);
}

describe('readFdt on hostile input', () => {
  it('random bytes give an FdtError or a valid index, read strictly or with allowTruncated', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expectReadOrFdtError(bytes);
        expectReadOrFdtError(bytes, TOLERANT);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes behind a valid magic and a plausible header give an FdtError or a valid index', () => {
    const headerish = fc
      .tuple(
        fc.constantFrom(1, 2, 3, 16, 17, 18),
        fc.uint8Array({ minLength: 40, maxLength: 600 }),
        fc.array(interestingU32, { minLength: 10, maxLength: 10 }),
      )
      .map(([version, body, fields]) => {
        const bytes = body.slice();
        const view = new DataView(bytes.buffer);
        fields.forEach((field, i) => view.setUint32(i * 4, field));
        view.setUint32(0, FDT_MAGIC);
        view.setUint32(4, Math.min(fields[1], bytes.length));
        view.setUint32(0x14, version);
        return bytes;
      });
    fc.assert(
      fc.property(headerish, (bytes) => expectReadOrFdtError(bytes)),
      { numRuns: 300 },
    );
  });

  it('mutated valid blobs (bit flips, truncation, lying offsets, sizes and lengths) give an FdtError or a valid index', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        expectReadOrFdtError(mutate(writeFdt(doc), mutations));
      }),
      { numRuns: 600 },
    );
  });

  it('read with allowTruncated, mutated valid blobs give an FdtError or a valid index', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }), (doc, mutations) => {
        expectReadOrFdtError(mutate(writeFdt(doc), mutations), TOLERANT);
      }),
      { numRuns: 400 },
    );
  });

  it('probeFdtHeader never throws', () => {
    fc.assert(
      fc.property(documentArbitrary, fc.array(mutationArbitrary, { maxLength: 3 }), (doc, mutations) => {
        const bytes = mutate(writeFdt(doc), mutations);
        const header = probeFdtHeader(bytes);
        if (header) expect(header.totalSize).toBeGreaterThanOrEqual(header.headerSize);
      }),
      { numRuns: 300 },
    );
  });

  it('a lying huge property length in a large blob fails fast', () => {
    const root = { name: '', properties: [] as { name: string; value: Uint8Array }[], children: [] };
    for (let i = 0; i < 20_000; i++) root.properties.push({ name: `p${i}`, value: new Uint8Array(8) });
    const blob = writeFdt({ version: 17, lastCompVersion: 16, bootCpuidPhys: 0, memoryReservations: [], root });
    const index = readFdt(blob);
    const lying = blob.slice();
    new DataView(lying.buffer).setUint32(index.propertyOffset(19_999) + 4, 0xfffffff0);
    const started = performance.now();
    expect(() => readFdt(lying)).toThrow(/len 4294967280/);
    expect(performance.now() - started).toBeLessThan(PER_INPUT_BUDGET_MS);
  });
});
