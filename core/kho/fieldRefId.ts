import type { FieldRef } from './model/FieldRef';

/**
 * A readable, unique id for something held at a field: `<fragment>:<node>:<property>`
 * (e.g. `0x23a000:/memblock:preserved-data`, `0x1844000::sessions_pa`).
 * Links and side structures take their ids from the field that holds them.
 */
export function fieldRefId(ref: FieldRef, prefix = ''): string {
  return `${prefix}${ref.fragment}:${ref.node}:${ref.property}`;
}
