/**
 * What a KHO root is to the kernel whose memory the image holds, told from
 * the image alone (core/kho/roles/classifyRootRoles.ts):
 * - `outgoing`: the tree this kernel hands to the next one (its map is live,
 *   its blobs are preserved);
 * - `incoming`: the tree this kernel received and has consumed (its map is
 *   zeroed, its blobs freed and possibly reused), the newest such root;
 * - `stale`: an older consumed root, left from an earlier hop;
 * - `consumed`: consumed, but nothing in the image tells whether it is the
 *   incoming root or an older one;
 * - `unknown`: nothing decides (no map at all, or two live maps).
 */
export type RootRoleName = 'outgoing' | 'incoming' | 'stale' | 'consumed' | 'unknown';

/** A root's role with the evidence for it, in plain words. */
export interface RootRole {
  role: RootRoleName;
  evidence: string[];
  /** Generation markers read from the root's own blobs (null when absent). */
  liveUpdate: bigint | null;
  kexecCount: number | null;
}

/** True for the roles whose problems are expected (the tree was consumed by the kernel that received it). */
export function isConsumedRole(role: RootRoleName | undefined): boolean {
  return role === 'incoming' || role === 'stale' || role === 'consumed';
}
