/**
 * The result of comparing two KHO roots (`compareRoots`): plain data, strings
 * and numbers only, so it goes to JSON, to a worker message or to a view as is.
 * Side `a` is the "before" (the original, the outgoing root of the earlier
 * kernel), side `b` the "after".
 */
export interface GraphComparison {
  a: ComparedSide;
  b: ComparedSide;
  /** True when nothing was added, removed or changed (moved pointers do not count unless asked). */
  equal: boolean;
  /** Every difference, in tree order: fragment by fragment, node by node. */
  changes: Change[];
  /** Every fragment of either side, matched by its tree path. */
  fragments: FragmentPair[];
  /** How many changes of each kind (kept or not). */
  counts: Record<ChangeKind, number>;
  /** Changes found past `maxChanges`: counted, not listed. */
  droppedChanges: number;
}

/** Which root of which graph a side is. */
export interface ComparedSide {
  /** What the graph was decoded from (a file name, "edited", ...). */
  label: string;
  /** Physical address of the root, or null for a debugfs set or a lone DTB. */
  rootAddress: number | null;
  /** Id of the root fragment in its graph. */
  rootFragment: string;
  compatible: string | null;
}

/**
 * `added`: only in b; `removed`: only in a; `changed`: in both, different;
 * `moved`: a pointer whose value differs while what it points to matched by
 * place (addresses change across kexec and when an edit re-places a blob).
 */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/**
 * What a change is about: a whole fragment, a node of an FDT, a property, a
 * raw-struct field, an FDT header field or memory reservation, a known
 * user's decoded data (LUO sessions, folios), or the preserved-memory map.
 */
export type ChangeLevel = 'fragment' | 'node' | 'property' | 'field' | 'header' | 'user' | 'map';

/** One difference, with where it is on each side and both values in their typed reading. */
export interface Change {
  kind: ChangeKind;
  level: ChangeLevel;
  /** Tree path of the fragment (`/`, `/memblock`, `/LUO › sessions[0].files[0].data`). */
  path: string;
  /** Fragment id on side a (null when the fragment is only in b). */
  fragmentA: string | null;
  /** Fragment id on side b (null when the fragment is only in a). */
  fragmentB: string | null;
  /** Node path inside an FDT fragment; null for fragment-, field-, user- and map-level changes. */
  node: string | null;
  /** Property, field, header, user-data or map item name; null for fragments and nodes. */
  name: string | null;
  before: ComparedValue | null;
  after: ComparedValue | null;
  /** What changed, in plain words. */
  summary: string;
}

/** A value as shown: its typed reading and its bytes. */
export interface ComparedValue {
  /** The value as read (`0x400000 (4194304)`, `"memblock-v1"`, `<0x1 0x2>`). */
  text: string;
  /** How it was read (`u64 LE`, `string`, `dtc cells`, ...); '' when there is nothing to say. */
  reading: string;
  /** The raw bytes in hex (cut with `…` past 64 bytes); '' for decoded user data. */
  bytes: string;
  /** Number of raw bytes (0 for decoded user data). */
  length: number;
}

/** One fragment place and what it is on each side. */
export interface FragmentPair {
  path: string;
  a: string | null;
  b: string | null;
  status: 'same' | 'changed' | 'added' | 'removed';
}
