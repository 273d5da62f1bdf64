import { emptyFdtDocument } from '../fdt/FdtDocument';
import { DtsError } from '../fdt/dts/DtsError';
import { parseDts } from '../fdt/dts/parseDts';
import type { FragmentSpec, LuoSerSpec, MemfdSpec } from './BuildSpec';
import type { JsonField } from './JsonField';
import { parseInlineTree } from './parseInlineTree';
import { randomBytes, specBytes } from './specBytes';

/** Reads a file named in a spec (relative to the spec's folder). */
export type SpecFileReader = (path: string) => string;

const PLACEMENT_KEYS = ['at', 'pages', 'preserve'];

/**
 * One entry of `fragments` (docs/build-spec.md, "Fragments"): `{"dts":
 * "file.dts"}`, `{"tree": {...}}`, `{"bytes": {...}}`, or `{"struct": ...}`
 * with the struct's fields, each with optional `at` / `pages` placement and
 * `preserve`.
 */
export function parseFragmentSpec(field: JsonField, readFile: SpecFileReader, pageSize: number): FragmentSpec {
  const object = field.object();
  const placement = {
    ...(field.get('at').missing ? {} : { at: field.get('at').number() }),
    ...(field.get('pages').missing
      ? {}
      : {
          pages: field
            .get('pages')
            .array()
            .map((page) => page.number()),
        }),
    ...(field.get('preserve').missing ? {} : { preserve: field.get('preserve').boolean(true) }),
  };
  if ('dts' in object) {
    field.onlyKeys('dts', ...PLACEMENT_KEYS);
    const file = field.get('dts').string();
    try {
      return { kind: 'fdt', document: parseDts(readFile(file)), ...placement };
    } catch (error) {
      if (error instanceof DtsError)
        throw field.get('dts').error(`${file} line ${error.line}, column ${error.column}: ${error.reason}`);
      throw field.get('dts').error(`${file}: ${(error as Error).message}`);
    }
  }
  if ('tree' in object) {
    field.onlyKeys('tree', ...PLACEMENT_KEYS);
    return { kind: 'fdt', document: { ...emptyFdtDocument(), root: parseInlineTree(field.get('tree')) }, ...placement };
  }
  if ('bytes' in object) {
    field.onlyKeys('bytes', ...PLACEMENT_KEYS);
    return { kind: 'raw', bytes: specBytes(field.get('bytes')), ...placement };
  }
  const struct = field.get('struct').oneOf(['kexec-metadata', 'luo-ser', 'memfd', 'kho-test'] as const);
  switch (struct) {
    case 'kexec-metadata':
      field.onlyKeys('struct', 'version', 'previousRelease', 'kexecCount', ...PLACEMENT_KEYS);
      return {
        kind: 'kexec-metadata',
        version: field.get('version').number(1),
        previousRelease: field.get('previousRelease').string(),
        kexecCount: field.get('kexecCount').number(),
        ...placement,
      };
    case 'luo-ser':
      return { ...parseLuoSer(field), ...placement };
    case 'memfd':
      return { ...parseMemfd(field, pageSize), ...placement };
    case 'kho-test': {
      field.onlyKeys('struct', 'storage', 'folios', 'csum', ...PLACEMENT_KEYS);
      const folios = field
        .get('folios')
        .array()
        .map((folio, i) => {
          folio.onlyKeys('order', 'fill');
          const order = folio.get('order').number();
          if (order > 10) throw folio.get('order').error('test folios above order 10 make needlessly large images');
          const size = pageSize * 2 ** order;
          return {
            order,
            bytes: fitted(folio.get('fill').missing ? randomBytes(i + 1, size) : specBytes(folio.get('fill')), size),
          };
        });
      const csum = field.get('csum').missing ? null : field.get('csum').number();
      return {
        kind: 'kho-test',
        storage: field.get('storage').oneOf(['vmalloc', 'u64-array'] as const, 'vmalloc'),
        folios,
        csum,
        ...placement,
      };
    }
  }
}

function parseLuoSer(field: JsonField): LuoSerSpec {
  field.onlyKeys('struct', 'compatible', 'features', 'liveupdateNum', 'sessions', 'flbs', ...PLACEMENT_KEYS);
  const sessions = field.get('sessions');
  const flbs = field.get('flbs');
  const features = field.get('features');
  if (!features.missing && !field.get('compatible').missing)
    throw features.error('the feature-bit luo_ser has no version string: give compatible or features, not both');
  return {
    kind: 'luo-ser',
    compatible: field.get('compatible').string('luo-v5'),
    features: features.missing ? null : parseFeatures(features),
    liveupdateNum: field.get('liveupdateNum').bigint(1n),
    sessions:
      sessions.missing || sessions.value === null
        ? null
        : sessions.array().map((session) => {
            session.onlyKeys('name', 'files', 'count');
            return {
              name: session.get('name').string(),
              count: session.get('count').missing ? null : session.get('count').number(),
              files: session
                .get('files')
                .array()
                .map((file) => {
                  file.onlyKeys('compatible', 'token', 'data', 'dataValue');
                  const data = file.get('data').missing ? file.get('dataValue').bigint() : file.get('data').string();
                  return { compatible: file.get('compatible').string(), token: file.get('token').bigint(), data };
                }),
            };
          }),
    flbs:
      flbs.missing || flbs.value === null
        ? null
        : flbs.array().map((flb) => {
            flb.onlyKeys('name', 'data', 'count');
            return { name: flb.get('name').string(), data: flb.get('data').bigint(), count: flb.get('count').bigint() };
          }),
  };
}

/** A `luo_feature_hdr`: `supported` bits, `required` (default none) and `active` (default the supported ones). */
function parseFeatures(field: JsonField): NonNullable<LuoSerSpec['features']> {
  field.onlyKeys('supported', 'required', 'active');
  const supported = field.get('supported').bigint();
  return {
    supported,
    required: field.get('required').bigint(0n),
    active: field.get('active').bigint(supported),
  };
}

function parseMemfd(field: JsonField, pageSize: number): MemfdSpec {
  field.onlyKeys('struct', 'version', 'pos', 'size', 'seals', 'flags', 'folios', ...PLACEMENT_KEYS);
  const version = field.get('version').number(2);
  if (version !== 1 && version !== 2) throw field.get('version').error('must be 1 or 2');
  return {
    kind: 'memfd',
    version,
    pos: field.get('pos').bigint(0n),
    size: field.get('size').bigint(),
    seals: field.get('seals').number(0),
    flags: field.get('flags').number(0),
    folios: field
      .get('folios')
      .array()
      .map((folio, i) => {
        folio.onlyKeys('index', 'flags', 'fill');
        return {
          index: folio.get('index').bigint(BigInt(i)),
          flags: folio.get('flags').number(2),
          bytes: fitted(folio.get('fill').missing ? new Uint8Array(0) : specBytes(folio.get('fill')), pageSize),
        };
      }),
  };
}

/** `bytes` cut or zero-padded to exactly `size`. */
function fitted(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(bytes.subarray(0, size));
  return out;
}
