import fc from 'fast-check';

/**
 * Random DTS programs over a small vocabulary, so that names, labels and
 * references often meet: several root blocks, `&label { }` amendments,
 * `/delete-node/`, `/delete-property/`, `/omit-if-no-ref/`, labels, phandle
 * and path references, `/bits/`, expressions and explicit phandles. Many are
 * invalid (a reference to a deleted node, a label declared twice); the point
 * is that dtc and parseDts agree on which, and on the bytes of the rest.
 */

const NODE_NAMES = ['x', 'y', 'n@1', 'cpus', 'cpu@0'];
const PROPERTY_NAMES = ['p', 'q', 'reg', 's'];
/** Every program's root holds these labelled nodes, so most references find a target. */
const ANCHORS = 'a: ax { }; b: bx { }; c: cx { };';

/** A label the random parts declare: rarely, as declaring one twice is an error. */
const declaredLabels = fc.oneof(
  { weight: 10, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('d: ', 'e: ', 'd: e: ') },
);

const reference = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', 'e').map((name) => `&${name}`),
  fc.constantFrom('/ax', '/bx', '/', ...NODE_NAMES.map((name) => `/${name}`)).map((path) => `&{${path}}`),
);

const cell = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '2',
      '0xff',
      '0xffffffff',
      "'a'",
      '(1 << 3)',
      '(7 % 4 + 2 * 3)',
      '(1 ? 5 : 6)',
      '(-1)',
    ),
  },
  { weight: 3, arbitrary: reference },
  { weight: 1, arbitrary: fc.constantFrom('d:', 'e:') },
);
const smallCell = fc.constantFrom('0', '1', '0x7f', '(-1)', '(3 + 4)');

const valuePiece = fc.oneof(
  fc.constantFrom('"s"', '""', '"a\\0b"', '"\\x41\\101"', '"1"'),
  fc.array(cell, { maxLength: 3 }).map((cells) => `<${cells.join(' ')}>`),
  fc
    .tuple(fc.constantFrom('8', '16', '64'), fc.array(smallCell, { maxLength: 3 }))
    .map(([bits, cells]) => `/bits/ ${bits} <${cells.join(' ')}>`),
  fc.array(fc.constantFrom('00', '01', 'ff', '61'), { maxLength: 5 }).map((bytes) => `[${bytes.join(' ')}]`),
  reference,
);

/** An explicit phandle, often clashing with the ones dtc allocates from 1. */
const explicitPhandle: fc.Arbitrary<[string, string]> = fc
  .constantFrom('phandle = <1>;', 'phandle = <2>;', 'phandle = <7>;', 'linux,phandle = <1>;', 'linux,phandle = <3>;')
  .map((text): [string, string] => [text.split(' ')[0], text]);

/** A plain property definition or deletion, as [name, text]. */
const plainProperty: fc.Arbitrary<[string, string]> = fc.constantFrom(...PROPERTY_NAMES).chain((name) =>
  fc
    .oneof(
      { weight: 1, arbitrary: fc.constant(`/delete-property/ ${name};`) },
      { weight: 2, arbitrary: declaredLabels.map((labels) => `${labels}${name};`) },
      {
        weight: 5,
        arbitrary: fc
          .tuple(declaredLabels, fc.array(valuePiece, { minLength: 1, maxLength: 3 }))
          .map(([labels, pieces]) => `${labels}${name} = ${pieces.join(', ')};`),
      },
    )
    .map((text): [string, string] => [name, text]),
);

const property = fc.oneof({ weight: 1, arbitrary: explicitPhandle }, { weight: 8, arbitrary: plainProperty });

/** Distinct names per block: a name defined twice in one block is an error, and not the interesting kind. */
const properties = fc
  .uniqueArray(property, { selector: ([name]) => name, maxLength: 3 })
  .map((items) => items.map(([, text]) => text).join(' '));

/** A node body (properties, then child nodes) and its child-node part alone (the root puts the anchors between). */
const { body, children } = fc.letrec<{ body: string; children: string; child: [string, string] }>((tie) => ({
  body: fc.tuple(properties, tie('children')).map(([props, kids]) => `${props} ${kids}`),
  children: fc
    .uniqueArray(tie('child') as fc.Arbitrary<[string, string]>, { selector: ([name]) => name, maxLength: 3 })
    .map((items) => items.map(([, text]) => text).join(' ')),
  child: fc.constantFrom(...NODE_NAMES).chain((name) =>
    fc
      .oneof(
        { depthSize: 'small' },
        fc.constant(`/delete-node/ ${name};`),
        fc
          .tuple(fc.boolean(), declaredLabels, tie('body'))
          .map(([omit, labels, inner]) => `${omit ? '/omit-if-no-ref/ ' : ''}${labels}${name} { ${inner} };`),
      )
      .map((text): [string, string] => [name, text]),
  ),
}));

/**
 * Mostly the anchors, which exist unless deleted; sometimes any reference
 * but the root (deleting the root is where parseDts knowingly differs).
 */
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('&a', '&b', '&c', '&{/ax}', '&{/bx}') },
  { weight: 1, arbitrary: reference.filter((ref) => ref !== '&{/}') },
);

const topLevel = fc.oneof(
  body.map((inner) => `/ { ${inner} };`),
  fc
    .tuple(fc.constantFrom('', '', '', 'd: '), target, body)
    .map(([labels, ref, inner]) => `${labels}${ref} { ${inner} };`),
  target.map((ref) => `/delete-node/ ${ref};`),
  target.map((ref) => `/omit-if-no-ref/ ${ref};`),
);

/** A whole program: `/dts-v1/;`, maybe a reservation, a root block with the anchors, then more top-level items. */
export const dtsProgramArbitrary: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), properties, children, fc.array(topLevel, { maxLength: 4 }))
  .map(([reserve, rootProperties, rootChildren, rest]) =>
    [
      '/dts-v1/;',
      ...(reserve ? ['/memreserve/ 0x1000 0x10;'] : []),
      `/ { ${rootProperties} ${ANCHORS} ${rootChildren} };`,
      ...rest,
      '',
    ].join('\n'),
  );
