import { parseRootCompatible } from '../../kho/rootVersion';
import { decodeLatin1 } from '../../bytes/latin1';
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
  if (!root?.version || path !== '/' || name !== 'compatible') return undefined;
  if (value === undefined)
    return `the root compatible ("${root.version.compatible}") says which KHO version the tree is: it cannot be removed or renamed`;
  const text =
    value.length > 0 && value[value.length - 1] === 0 ? decodeLatin1(value, 0, value.length - 1).split('\0')[0] : '';
  const version = parseRootCompatible(text);
  if (!version || version.rules !== root.version.rules) {
    return `the root compatible may only change to a version read by the same rules as ${root.version.compatible} (kho-v${root.version.rules}); "${text}" is not one`;
  }
  return undefined;
}
