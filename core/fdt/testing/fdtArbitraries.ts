import fc from 'fast-check';
import type { FdtDocument, FdtNode, FdtProperty, MemoryReservation } from '../FdtDocument';
import type { FdtVersionFormat } from '../FdtVersionFormat';
import { FDT_WRITABLE_VERSIONS, fdtVersionFormat } from '../FdtVersionFormat';

const NODE_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+-';
const PROPERTY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,._+*#?-';
const UNIT_CHARS = '0123456789abcdef,';
/**
 * Property names dtc treats specially (its checks delete or refuse `name`, and
 * refuse bad `phandle` values), kept out of random trees; unit tests cover them.
 */
const RESERVED_PROPERTY_NAMES = new Set(['name', 'phandle', 'linux,phandle']);

function stringOf(chars: string, minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...chars), minLength, maxLength });
}

/** A node name dtc accepts: a non-empty base name, optionally "@" and a unit address (possibly empty). */
export const nodeNameArbitrary: fc.Arbitrary<string> = fc
  .tuple(stringOf(NODE_CHARS, 1, 8), fc.option(stringOf(UNIT_CHARS, 0, 5), { nil: undefined }))
  .map(([base, unit]) => (unit === undefined ? base : `${base}@${unit}`));

/** A property name dtc accepts (short, so names often repeat and share suffixes across nodes). */
export const propertyNameArbitrary: fc.Arbitrary<string> = stringOf(PROPERTY_CHARS, 1, 6).filter(
  (name) => !RESERVED_PROPERTY_NAMES.has(name),
);

/** A property with a value of 0 to 40 bytes (empty, odd lengths, and the 8+ bytes old versions align). */
export const propertyArbitrary: fc.Arbitrary<FdtProperty> = fc.record({
  name: propertyNameArbitrary,
  value: fc.uint8Array({ maxLength: 40 }),
});

/** A node with distinct property names and distinct child names, nested to a random depth. */
export const nodeArbitrary: fc.Arbitrary<FdtNode> = fc.letrec<{ node: FdtNode }>((tie) => ({
  node: fc.record({
    name: nodeNameArbitrary,
    properties: fc.uniqueArray(propertyArbitrary, { selector: (property) => property.name, maxLength: 5 }),
    children: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: fc.constant(null).map((): FdtNode[] => []), weight: 1 },
      { arbitrary: fc.uniqueArray(tie('node'), { selector: (node) => node.name, maxLength: 4 }), weight: 3 },
    ),
  }),
})).node;

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });

/** A memory reservation with a non-zero size (size 0 would end the list). */
export const memoryReservationArbitrary: fc.Arbitrary<MemoryReservation> = fc.record({
  address: u64,
  size: u64.filter((size) => size !== 0n),
});

/** A whole document in one of dtc's versions, with that version's dtc `last_comp_version`. */
export const documentArbitrary: fc.Arbitrary<FdtDocument> = fc
  .record({
    format: fc.constantFrom(...FDT_WRITABLE_VERSIONS).map((version) => fdtVersionFormat(version) as FdtVersionFormat),
    bootCpuidPhys: fc.nat({ max: 0xffff_ffff }),
    memoryReservations: fc.array(memoryReservationArbitrary, { maxLength: 3 }),
    rootProperties: fc.uniqueArray(propertyArbitrary, { selector: (property) => property.name, maxLength: 5 }),
    rootChildren: fc.uniqueArray(nodeArbitrary, { selector: (node) => node.name, maxLength: 5 }),
  })
  .map(({ format, bootCpuidPhys, memoryReservations, rootProperties, rootChildren }) => ({
    version: format.version,
    lastCompVersion: format.dtcLastCompVersion,
    bootCpuidPhys: format.hasBootCpuid ? bootCpuidPhys : 0,
    memoryReservations,
    root: { name: '', properties: rootProperties, children: rootChildren },
  }));
