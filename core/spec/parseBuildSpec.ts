import { isPlausiblePageSize } from '../mem/OpenImageOptions';
import type { BuildSpec, FragmentSpec, LinkSpec, RootSpec } from './BuildSpec';
import { JsonField } from './JsonField';
import { parseFragmentSpec, type SpecFileReader } from './parseFragmentSpec';
import { specBytes } from './specBytes';

const SCHEMES = ['draft', 'kho-v1', 'kho-v2', 'kho-v3', 'kho-v4'] as const;

/**
 * Reads a build spec (docs/build-spec.md) from parsed JSON: checks every
 * field (unknown keys are refused), reads DTS files through `readFile`,
 * fills in defaults and checks references between fragments, roots and
 * links. Throws `SpecError` naming the field.
 */
export function parseBuildSpec(json: unknown, readFile: SpecFileReader): BuildSpec {
  const spec = new JsonField(json, '');
  spec.onlyKeys(
    'pageSize',
    'container',
    'machine',
    'osRelease',
    'ram',
    'fragments',
    'roots',
    'links',
    'preserve',
    'data',
    'patches',
  );
  const pageSize = spec.get('pageSize').number(4096);
  if (!isPlausiblePageSize(pageSize)) throw spec.get('pageSize').error('must be a power of two from 512 to 1 MiB');
  const ram = spec
    .get('ram')
    .array()
    .map((range) => {
      range.onlyKeys('start', 'end', 'size');
      const start = range.get('start').number();
      const end = range.get('end').missing ? start + range.get('size').number() : range.get('end').number();
      if (start % pageSize !== 0 || end % pageSize !== 0 || end <= start)
        throw range.error('must be a non-empty page-aligned range');
      return { start, end };
    });
  if (ram.length === 0) throw spec.get('ram').error('must list at least one RAM range');
  const fragments = new Map<string, FragmentSpec>();
  for (const [id, field] of spec.get('fragments').entries())
    fragments.set(id, parseFragmentSpec(field, readFile, pageSize));
  const known = (field: JsonField) => {
    const id = field.string();
    if (!fragments.has(id)) throw field.error(`names no fragment (known: ${[...fragments.keys()].join(', ')})`);
    return id;
  };
  const roots = spec
    .get('roots')
    .array()
    .map((field) => parseRoot(field, known, pageSize));
  const links = spec.get('links').missing
    ? []
    : spec
        .get('links')
        .array()
        .map((field) => parseLink(field, known));
  const container = spec.get('container').oneOf(['raw', 'elf'] as const, 'elf');
  if (container === 'raw' && ram.length !== 1)
    throw spec.get('ram').error('a raw image is one flat range: give exactly one');
  const preserve = spec.get('preserve').missing
    ? []
    : spec
        .get('preserve')
        .array()
        .map((field) => {
          field.onlyKeys('root', 'start', 'size');
          const start = field.get('start').number();
          const root = known(field.get('root'));
          if (!roots.some((r) => r.fragment === root))
            throw field.get('root').error(`${root} is not a root's fragment`);
          return { root, start, end: start + field.get('size').number() };
        });
  const inRam = (field: JsonField, at: number, bytes: Uint8Array) => {
    if (!ram.some((range) => range.start <= at && at + bytes.length <= range.end))
      throw field.error('its bytes are not all inside one RAM range');
    return { at, bytes };
  };
  const data = spec.get('data').missing
    ? []
    : spec
        .get('data')
        .array()
        .map((field) => {
          field.onlyKeys('at', 'bytes');
          return inRam(field, field.get('at').number(), specBytes(field.get('bytes')));
        });
  const patches = spec.get('patches').missing
    ? []
    : spec
        .get('patches')
        .array()
        .map((field) => {
          field.onlyKeys('at', 'bytes', 'why');
          return {
            ...inRam(field, field.get('at').number(), specBytes(field.get('bytes'))),
            why: field.get('why').string(),
          };
        });
  const osRelease = spec.get('osRelease').missing ? null : spec.get('osRelease').string();
  return {
    pageSize,
    container,
    machine: spec.get('machine').string('x86_64'),
    osRelease,
    ram,
    fragments,
    roots,
    links,
    preserve,
    data,
    patches,
  };
}

function parseRoot(field: JsonField, known: (field: JsonField) => string, pageSize: number): RootSpec {
  field.onlyKeys('fragment', 'scheme', 'compatible', 'map', 'chunkBitmapBytes', 'anchor', 'preserveRoot', 'mapPointer');
  const scheme = field.get('scheme').oneOf(SCHEMES);
  const defaultMap = scheme === 'draft' ? 'none' : scheme === 'kho-v1' ? 'chunk-list' : 'radix-tree';
  const chunkBitmapBytes = field.get('chunkBitmapBytes').number(pageSize);
  if (chunkBitmapBytes !== 512 && chunkBitmapBytes !== pageSize)
    throw field.get('chunkBitmapBytes').error(`must be 512 or the page size (${pageSize})`);
  const anchorField = field.get('anchor');
  let anchor: RootSpec['anchor'] = null;
  if (!anchorField.missing) {
    anchorField.onlyKeys('pages', 'perAnchor');
    const pages = anchorField
      .get('pages')
      .array()
      .map((page) => page.number());
    const perAnchor = anchorField.get('perAnchor').missing
      ? null
      : anchorField
          .get('perAnchor')
          .array()
          .map((n) => n.number());
    if (pages.length === 0) throw anchorField.get('pages').error('must list at least one anchor page');
    if (perAnchor && perAnchor.length !== pages.length)
      throw anchorField.get('perAnchor').error('must give one count per anchor page');
    anchor = { pages, perAnchor };
  }
  return {
    fragment: known(field.get('fragment')),
    scheme,
    compatible: field.get('compatible').string(scheme === 'draft' ? 'kho-v1' : scheme),
    map: field.get('map').oneOf(['chunk-list', 'radix-tree', 'zero', 'none'] as const, defaultMap),
    chunkBitmapBytes,
    anchor,
    preserveRoot: field.get('preserveRoot').boolean(scheme !== 'draft'),
    mapPointer: field.get('mapPointer').missing ? null : field.get('mapPointer').number(),
  };
}

function parseLink(field: JsonField, known: (field: JsonField) => string): LinkSpec {
  field.onlyKeys('from', 'to', 'order', 'property', 'blobSize', 'pointer');
  const from = field.get('from').string();
  const cut = from.indexOf(':');
  if (cut <= 0 || !from.slice(cut + 1).startsWith('/'))
    throw field.get('from').error('must be "<fragment>:/node/path"');
  known(new JsonField(from.slice(0, cut), `${field.path}.from`));
  const blobSize = field.get('blobSize');
  const pointer = field.get('pointer');
  const to = field.get('to').missing ? null : known(field.get('to'));
  if (to === null && pointer.missing) throw field.error('needs "to" (a fragment) or "pointer" (raw addresses)');
  return {
    from: from.slice(0, cut),
    node: from.slice(cut + 1),
    to,
    order: field.get('order').oneOf(['le', 'be'] as const, 'be'),
    property: field.get('property').missing ? null : field.get('property').string(),
    ...(blobSize.missing ? {} : { blobSize: blobSize.value === null ? null : blobSize.number() }),
    pointer: pointer.missing ? null : pointer.array().map((value) => value.number()),
  };
}
