import fc from 'fast-check';
import type { FdtDocument, FdtNode, FdtProperty } from '../../FdtDocument';
import { memoryReservationArbitrary, nodeNameArbitrary, propertyNameArbitrary } from '../../testing/fdtArbitraries';

const STRING_CHARS = [...'abcdefghijklmnopqrstuvwxyzABCDEZ0123456789 ,.-_"\\\t\n\r\x07\b\v\f'];

const latin1 = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/**
 * Values aimed at dtc's typing edges: random bytes, string lists (empty
 * strings, escapes, digits after NULs), strings spoilt by one odd byte, and
 * runs of NULs and near-string bytes.
 */
export const dtsValueArbitrary: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 24 }),
  fc
    .array(fc.string({ unit: fc.constantFrom(...STRING_CHARS), maxLength: 6 }), { minLength: 1, maxLength: 4 })
    .map((strings) => Uint8Array.from(strings.flatMap((s) => [...latin1(s), 0]))),
  fc
    .tuple(
      fc.string({ unit: fc.constantFrom(...STRING_CHARS), minLength: 1, maxLength: 7 }),
      fc.constantFrom(0x01, 0x7f, 0x80, 0xff, 0x1b),
    )
    .map(([s, odd]) => Uint8Array.from([...latin1(s), odd, 0])),
  fc.array(fc.constantFrom(0, 0, 0x41, 0x0a, 0x31), { maxLength: 9 }).map((bytes) => Uint8Array.from(bytes)),
);

const propertiesArbitrary: fc.Arbitrary<FdtProperty[]> = fc.uniqueArray(
  fc.record({ name: propertyNameArbitrary, value: dtsValueArbitrary }),
  { selector: (property) => property.name, maxLength: 6 },
);

const nodeArbitrary: fc.Arbitrary<FdtNode> = fc.letrec<{ node: FdtNode }>((tie) => ({
  node: fc.record({
    name: nodeNameArbitrary,
    properties: propertiesArbitrary,
    children: fc.oneof(
      { depthSize: 'small' },
      fc.constant<FdtNode[]>([]),
      fc.uniqueArray(tie('node'), { selector: (node) => node.name, maxLength: 3 }),
    ),
  }),
})).node;

/** A version-17 document dtc accepts (valid, distinct names; no `name` or `phandle` properties), without labels. */
export const dtsDocumentArbitrary: fc.Arbitrary<FdtDocument> = fc
  .record({
    memoryReservations: fc.array(memoryReservationArbitrary, { maxLength: 2 }),
    properties: propertiesArbitrary,
    children: fc.uniqueArray(nodeArbitrary, { selector: (node) => node.name, maxLength: 4 }),
  })
  .map(({ memoryReservations, properties, children }) => ({
    version: 17,
    lastCompVersion: 16,
    bootCpuidPhys: 0,
    memoryReservations,
    root: { name: '', properties, children },
  }));

/** Gives every node and property 0 to 2 labels, all distinct across the document (the counts cycle through `counts`). */
function withLabels(doc: FdtDocument, counts: number[]): FdtDocument {
  let next = 0;
  const labels = (): string[] | undefined => {
    const count = counts[next % counts.length];
    const names = Array.from({ length: count }, (_, i) => `L${next}_${i}`);
    next++;
    return count === 0 ? undefined : names;
  };
  const label = (node: FdtNode): FdtNode => {
    const result: FdtNode = {
      name: node.name,
      properties: node.properties.map((property) => {
        const propertyLabels = labels();
        return propertyLabels ? { ...property, labels: propertyLabels } : { ...property };
      }),
      children: node.children.map(label),
    };
    const nodeLabels = labels();
    if (nodeLabels) result.labels = nodeLabels;
    return result;
  };
  return { ...doc, root: label(doc.root) };
}

/** `dtsDocumentArbitrary` with labels on nodes (the root included) and properties. */
export const labelledDtsDocumentArbitrary: fc.Arbitrary<FdtDocument> = fc
  .tuple(dtsDocumentArbitrary, fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 16 }))
  .map(([doc, counts]) => withLabels(doc, counts));
