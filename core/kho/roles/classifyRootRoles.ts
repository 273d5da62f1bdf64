import { hex } from '../../bytes/readers';
import type { Diagnostic } from '../model/Diagnostic';
import type { Fragment } from '../model/Fragment';
import { locationExtents } from '../model/FragmentLocation';
import type { GraphSource, KhoRoot } from '../model/KhoGraph';
import type { RootRole, RootRoleName } from '../model/RootRole';

/** Diagnostic codes that say a blob no longer holds what its link says it holds (freed and reused). */
const REUSED_CODES = new Set(['bad-magic', 'fdt-error', 'bad-size', 'vmalloc-missing-pages', 'vmalloc-bad-order']);

/** What one root's own bytes say, before roots are compared. */
interface RootFacts {
  root: KhoRoot;
  map: 'none' | 'not-yet' | 'zeroed' | 'live';
  evidence: string[];
  liveUpdate: bigint | null;
  kexecCount: number | null;
}

/**
 * Tells the roles of an image's roots apart from the image alone (see
 * RootRole) and sets `root.role` on each. A kernel that booted through KHO
 * holds the root it received, consumed early in boot: the next kernel
 * zeroes the map's pages as it walks them and frees blobs such as LUO's,
 * whose pages then hold other data. Its own outgoing root has a live map
 * that preserves its blobs. Several consumed roots are ordered by the
 * generation their blobs record (LUO's live-update number, kexec-metadata's
 * kexec count): the newest is the incoming root, the rest are stale.
 */
export function classifyRootRoles(
  source: GraphSource,
  roots: readonly KhoRoot[],
  fragments: readonly Fragment[],
  diagnostics: readonly Diagnostic[],
): void {
  if (source.kind === 'debugfs') {
    for (const root of roots)
      root.role = {
        role: 'outgoing',
        evidence: ['a debugfs kho/out set is the running kernel’s outgoing tree'],
        liveUpdate: null,
        kexecCount: null,
      };
    return;
  }
  const facts = roots.filter((root) => root.fragment !== null).map((root) => rootFacts(root, fragments, diagnostics));
  const live = facts.filter((f) => f.map === 'live' || f.map === 'not-yet');
  const consumed = facts.filter((f) => f.map === 'zeroed');
  const newestLive = newest(live);
  for (const f of live) {
    if (live.length === 1 || f === newestLive) {
      if (live.length > 1) f.evidence.push('the newest of the roots with a live map');
      setRole(f, 'outgoing');
    } else {
      f.evidence.push('another root with a live map is newer, or nothing tells them apart');
      setRole(f, 'unknown');
    }
  }
  const outgoing = live.length === 1 ? live[0] : newestLive;
  const ordered = consumed.length > 1 ? newest(consumed) : (consumed[0] ?? null);
  for (const f of consumed) {
    if (consumed.length === 1) setRole(f, 'incoming');
    else if (!ordered) {
      f.evidence.push('several roots are consumed and their blobs record no generation to order them by');
      setRole(f, 'consumed');
    } else if (f === ordered) {
      f.evidence.push(`the newest consumed root (${generationText(f)})`);
      setRole(f, 'incoming');
    } else {
      f.evidence.push(`older than the incoming root (${generationText(f)} < ${generationText(ordered)})`);
      setRole(f, 'stale');
    }
    if (outgoing && f.liveUpdate !== null && outgoing.liveUpdate !== null && f.liveUpdate >= outgoing.liveUpdate)
      f.evidence.push(`note: its live-update number is not below the outgoing root's (#${outgoing.liveUpdate})`);
  }
  for (const f of facts) if (!f.root.role) setRole(f, 'unknown');
}

function setRole(facts: RootFacts, role: RootRoleName): void {
  const value: RootRole = {
    role,
    evidence: facts.evidence,
    liveUpdate: facts.liveUpdate,
    kexecCount: facts.kexecCount,
  };
  facts.root.role = value;
}

function rootFacts(root: KhoRoot, fragments: readonly Fragment[], diagnostics: readonly Diagnostic[]): RootFacts {
  const own = fragments.filter((f) => f.root === root.fragment);
  const blobs = own.filter((f) => f.id !== root.fragment);
  const facts: RootFacts = { root, map: 'none', evidence: [], liveUpdate: null, kexecCount: null };
  for (const fragment of own) {
    if (fragment.user?.user === 'luo' && fragment.user.liveupdateNumber !== null)
      facts.liveUpdate = fragment.user.liveupdateNumber;
    if (fragment.user?.user === 'kexec-metadata') facts.kexecCount = fragment.user.kexecCount;
  }
  const map = root.map;
  if (!map) facts.evidence.push('no preserved-memory map: nothing says whether it is live');
  else if (diagnostics.some((d) => d.code === 'map-outside-ram' && d.location.fragment === root.fragment)) {
    // Not a map some kernel consumed: no kernel ever wrote one there. Judge the root as it stands.
    facts.map = 'live';
    facts.evidence.push(`map at ${hex(map.address)} is outside RAM: a broken map, not a consumed one`);
  } else if (map.status === 'no-map-yet') {
    facts.map = 'not-yet';
    facts.evidence.push('preserved-memory-map is 0: a 6.19–7.0 kernel that has not finalized its outgoing tree yet');
  } else if (map.blockCount === 0) {
    facts.map = 'zeroed';
    facts.evidence.push(
      `map at ${hex(map.address)} preserves nothing: its pages are zeroed, as the kernel that received it leaves them`,
    );
  } else {
    const rootPage = root.address !== null && map.isPreserved(root.address);
    const preserved = blobs.filter((f) => isPreservedIn(f, map.isPreserved.bind(map))).length;
    facts.evidence.push(
      `map at ${hex(map.address)} preserves ${map.blockCount} block(s)${rootPage ? ', the root page among them' : ', but not the root page'}`,
    );
    if (blobs.length > 0) facts.evidence.push(`${preserved} of ${blobs.length} blob(s) preserved in it`);
    facts.map = rootPage || preserved > 0 || blobs.length === 0 ? 'live' : 'zeroed';
  }
  const reused = new Set(
    diagnostics
      .filter(
        (d) => d.severity === 'error' && REUSED_CODES.has(d.code) && blobs.some((b) => b.id === d.location.fragment),
      )
      .map((d) => d.location.fragment),
  );
  if (reused.size > 0)
    facts.evidence.push(`${reused.size} blob(s) no longer hold what their link says (freed, and the pages reused)`);
  if (facts.liveUpdate !== null) facts.evidence.push(`LUO live update #${facts.liveUpdate}`);
  if (facts.kexecCount !== null) facts.evidence.push(`kexec-metadata: kexec #${facts.kexecCount} since cold boot`);
  return facts;
}

/** True when the first and last byte of every extent of the fragment are preserved. */
function isPreservedIn(fragment: Fragment, isPreserved: (address: number) => boolean): boolean {
  const extents = locationExtents(fragment.location);
  return extents.length > 0 && extents.every((e) => isPreserved(e.start) && isPreserved(e.end - 1));
}

/** The root with the highest generation, or null when some lack one or two share the highest. */
function newest(facts: readonly RootFacts[]): RootFacts | null {
  if (facts.length === 0) return null;
  const useLiveUpdate = facts.every((f) => f.liveUpdate !== null);
  const useKexec = facts.every((f) => f.kexecCount !== null);
  if (!useLiveUpdate && !useKexec) return null;
  const value = (f: RootFacts) => (useLiveUpdate ? (f.liveUpdate as bigint) : BigInt(f.kexecCount as number));
  const sorted = [...facts].sort((a, b) => (value(b) > value(a) ? 1 : value(b) < value(a) ? -1 : 0));
  if (sorted.length > 1 && value(sorted[0]) === value(sorted[1])) return null;
  return sorted[0];
}

function generationText(f: RootFacts): string {
  return f.liveUpdate !== null ? `live update #${f.liveUpdate}` : `kexec #${f.kexecCount}`;
}
