import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { findKhoRoots } from '../../mem/scan/findKhoRoots';
import { hex } from '../binary';
import type { DecodeContext } from './DecodeContext';
import type { RootRequest } from './decodeRoot';
import type { RootMapOptions } from './decodeRootMap';

/**
 * Finds the roots to decode when the caller named none: every candidate of
 * root discovery with a positive rank (evidence for outweighs evidence
 * against), or the best one alone when none is positive. Chains and blobs
 * discovery rejected are reported, since they may be the root the user
 * wanted.
 */
export async function discoverRoots(ctx: DecodeContext, memory: PhysicalMemory, map: RootMapOptions): Promise<RootRequest[]> {
  const result = await findKhoRoots(memory, { pageSize: ctx.pageSize, signal: ctx.signal, map });
  for (const rejected of result.rejected) {
    const code = rejected.how === 'anchor' ? 'anchor-chain' : 'rejected-root';
    ctx.diagnostics.warning(code, `possible root at ${hex(rejected.address)} was rejected: ${rejected.reason}`, { address: rejected.address });
  }
  for (const problem of result.problems) ctx.diagnostics.warning('scan-problem', problem.message, { address: problem.address });
  const good = result.candidates.filter((candidate) => candidate.rank > 0);
  const chosen = good.length > 0 ? good : result.candidates.slice(0, 1);
  if (chosen.length === 0) ctx.diagnostics.error('no-root', 'no KHO root was found in the image (give one with --root)');
  else if (good.length === 0) {
    ctx.diagnostics.warning('weak-root', `the best root candidate at ${hex(chosen[0].address)} has rank ${chosen[0].rank}: more evidence speaks against it than for it`, { address: chosen[0].address });
  }
  return chosen.map((candidate) => ({ address: candidate.address, how: candidate.how, rank: candidate.rank, map: candidate.map }));
}
