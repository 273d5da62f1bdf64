import { parseRootCompatible } from '../../kho/rootVersion';
import { decodeLatin1 } from '../../bytes/latin1';
import type { RootVersion } from '../../kho/model/RootVersion';
import { rootFragmentRoot, type EditState } from '../EditState';

/**
 * Why the `compatible` of a root fragment's root node may not become `value`
 * (undefined: removed or renamed), or undefined when it may. The root
 * compatible decides the KHO version, hence the map encoding and the pointer
 * properties, so it may only change to a version read by the same rules.
 */
export function rootCompatibleProblem(
  state: EditState,
  fragmentId: string,
  path: string,
  name: string,
  value: Uint8Array | undefined,
): string | undefined {
  const root = rootFragmentRoot(state, fragmentId);
  if (!root || path !== '/' || name !== 'compatible') return undefined;
  // A root first reached as a fragment of another root was decoded there, so its root record carries no
  // version; its own compatible still decides whether root discovery finds it again after export.
  const current = root.version ?? versionOf(state.fragments[fragmentId]?.document?.root.properties);
  if (!current) return undefined;
  if (value === undefined)
    return `the root compatible ("${current.compatible}") says which KHO version the tree is: it cannot be removed or renamed`;
  const text = compatibleText(value);
  const version = parseRootCompatible(text);
  if (!version || version.rules !== current.rules) {
    return `the root compatible may only change to a version read by the same rules as ${current.compatible} (kho-v${current.rules}); "${text}" is not one`;
  }
  return undefined;
}

/** The first string of a compatible value ('' when it is not NUL-terminated). */
function compatibleText(value: Uint8Array): string {
  return value.length > 0 && value[value.length - 1] === 0
    ? decodeLatin1(value, 0, value.length - 1).split('\0')[0]
    : '';
}

/** The KHO version a root node's `compatible` names, or null. */
function versionOf(properties: readonly { name: string; value: Uint8Array }[] | undefined): RootVersion | null {
  const compatible = properties?.find((property) => property.name === 'compatible');
  return compatible ? parseRootCompatible(compatibleText(compatible.value)) : null;
}
