import type { SystemdFdEntry, SystemdMapping } from '../../model/UserContent';

/** The mapping version this reading knows (`LUO_PROTOCOL_VERSION`, systemd src/core/luo.c: `"version": 1`). */
export const SYSTEMD_MAPPING_VERSION = 1;
/** Most entries read (systemd's fd stores hold at most a few thousand fds). */
const MAX_ENTRIES = 10_000;
/** Most problems reported one by one. */
const MAX_PROBLEMS = 20;

/** What `parseSystemdMapping` made of the text. */
export interface ParsedMapping {
  mapping: Omit<SystemdMapping, 'fragment'> | null;
  /** Plain-words problems, each about one place in the JSON. */
  problems: string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Reads systemd's LUO mapping JSON (systemd src/core/luo.c, v261+):
 * `{"version": 1, "state": {"kexecsCount": N}, "units": {"<unit>":
 * {"fdstore": [{"type": "fd", "name": "<fdname>", "token": T}, {"type":
 * "luo_session", "name": "<fdname>", "sessionName": "<session>"}]}}}`; and
 * the unversioned form of its first commits (src/shared/luo-util.h):
 * `{"<cgroup path>": [{"type": "fd", "name": …, "fd_index": T}, {"type":
 * "luo_session", "name": …, "session_name": …}]}`. Hostile-safe: bad JSON,
 * a wrong shape or a bad entry is a problem in words, never an exception;
 * at most 10,000 entries.
 */
export function parseSystemdMapping(text: string): ParsedMapping {
  const problems: string[] = [];
  let json: Json;
  try {
    json = JSON.parse(text.replace(/[\0\s]+$/, '')) as Json;
  } catch (error) {
    return { mapping: null, problems: [`not valid JSON (${(error as Error).message})`] };
  }
  if (!isObject(json)) return { mapping: null, problems: ['not a JSON object, as systemd writes it'] };
  const entries: SystemdFdEntry[] = [];
  const add = (unit: string, list: Json, fields: { token: string; session: string }) => {
    if (!Array.isArray(list)) {
      problem(problems, `the fd store of ${unit} is not a JSON array`);
      return;
    }
    for (const [i, item] of list.entries()) {
      if (entries.length >= MAX_ENTRIES) {
        problem(problems, `more than ${MAX_ENTRIES} entries; the rest were not read`);
        return;
      }
      const entry = readEntry(unit, item, fields);
      if (typeof entry === 'string') problem(problems, `${unit} entry ${i}: ${entry}`);
      else entries.push(entry);
    }
  };
  if ('version' in json) {
    const { version, units, state } = json;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0)
      return { mapping: null, problems: ['"version" is not a non-negative integer'] };
    if (version > SYSTEMD_MAPPING_VERSION)
      problem(
        problems,
        `version ${version} is newer than the ${SYSTEMD_MAPPING_VERSION} khoscope knows; read as ${SYSTEMD_MAPPING_VERSION}`,
      );
    const kexecs = isObject(state) ? state.kexecsCount : undefined;
    if (units !== undefined && !isObject(units)) problem(problems, '"units" is not a JSON object');
    for (const [unit, value] of Object.entries(isObject(units) ? units : {}))
      add(unit, isObject(value) ? (value.fdstore ?? null) : null, { token: 'token', session: 'sessionName' });
    return {
      mapping: {
        version,
        kexecsCount: typeof kexecs === 'number' && Number.isSafeInteger(kexecs) ? kexecs : null,
        entries,
      },
      problems,
    };
  }
  for (const [path, list] of Object.entries(json)) add(path, list, { token: 'fd_index', session: 'session_name' });
  return { mapping: { version: null, kexecsCount: null, entries }, problems };
}

/** One fd store entry, or what is wrong with it. */
function readEntry(unit: string, item: Json, fields: { token: string; session: string }): SystemdFdEntry | string {
  if (!isObject(item)) return 'not a JSON object';
  const { type, name } = item;
  if (typeof type !== 'string' || typeof name !== 'string') return 'needs string "type" and "name"';
  const token = item[fields.token];
  const session = item[fields.session];
  if (type === 'fd' && (typeof token !== 'number' || !Number.isSafeInteger(token) || token < 0))
    return `fd "${name}" has no non-negative integer "${fields.token}"`;
  if (type === 'fd' && token === 0) return `fd "${name}" claims token 0, which is the mapping itself`;
  return {
    unit,
    name,
    type,
    token: typeof token === 'number' && Number.isSafeInteger(token) && token >= 0 ? BigInt(token) : null,
    sessionName: typeof session === 'string' ? session : null,
  };
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(problems: string[], text: string): void {
  if (problems.length < MAX_PROBLEMS) problems.push(text);
}
