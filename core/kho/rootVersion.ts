import type { RootVersion } from './model/RootVersion';

/** Newest root format khoscope knows the rules of (kho-format.md §0). */
export const NEWEST_KNOWN_VERSION = 4;

/**
 * Understands a root `compatible`: `kho-vN`, optionally followed by
 * `;name-vM` sub-component versions. Returns null when it is not a KHO root
 * compatible at all. An N newer than khoscope knows is decoded with the
 * newest rules (`known: false` lets the caller flag it).
 */
export function parseRootCompatible(compatible: string): RootVersion | null {
  const [base, ...parts] = compatible.split(';');
  const match = /^kho-v([0-9]{1,6})$/.exec(base);
  if (!match) return null;
  const version = Number(match[1]);
  if (version < 1) return null;
  const components: Record<string, number> = {};
  for (const part of parts) {
    const component = /^([a-z0-9_-]+?)-v([0-9]{1,6})$/.exec(part);
    if (component) components[component[1]] = Number(component[2]);
  }
  const known = version <= NEWEST_KNOWN_VERSION;
  return {
    compatible,
    version,
    components,
    rules: known ? (version as RootVersion['rules']) : NEWEST_KNOWN_VERSION,
    known,
  };
}
