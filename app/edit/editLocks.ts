import type { EditRoot } from '../../core/edit';
import { managedPropertyReason } from '../../core/edit';
import type { Fragment } from '../../core/kho';

/** Why nothing in `fragment` can be edited, or null when its tree can be. */
export function fragmentLock(fragment: Fragment, unavailable: string | null): string | null {
  if (unavailable) return unavailable;
  if (fragment.content?.kind !== 'fdt')
    return fragment.content?.kind === 'raw'
      ? `a raw ${fragment.format} struct: khoscope decodes it but does not write it back, so its fields are read-only`
      : 'this fragment could not be decoded, so there is no tree to edit';
  return null;
}

/**
 * Why a property cannot be changed by hand, or null when it can: the whole
 * fragment is read-only, or the editor itself writes the value at export
 * (`preserved-data`, `blob-size`, `fdt`, page lists, `preserved-memory-map`;
 * core/edit's rule) or it points into memory khoscope never moves.
 */
export function propertyLock(
  fragment: Fragment,
  editId: string,
  roots: readonly EditRoot[],
  node: string,
  name: string,
  unavailable: string | null,
): string | null {
  return fragmentLock(fragment, unavailable) ?? managedPropertyReason({ roots }, editId, node, name) ?? null;
}
