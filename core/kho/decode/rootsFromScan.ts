import { hex } from '../../bytes/readers';
import type { DecodeContext } from './DecodeContext';
import type { RootRequest } from './decodeRoot';
import type { KhoRootScan } from './KhoRootScan';

/**
 * Turns a root scan into the roots to decode, and what the scan saw into
 * diagnostics: rejected chains and blobs (they may be the root the user
 * wanted), scan problems, and a decoded root ranked 0 or less. Decodes
 * `chosen` when given (a root the scan did not find reads as `given`),
 * otherwise every candidate with a positive rank, or the best one alone
 * when none is positive.
 */
export function rootsFromScan(
  ctx: DecodeContext,
  scan: KhoRootScan,
  chosen: readonly number[] | undefined,
): RootRequest[] {
  for (const rejected of scan.rejected) {
    const code = rejected.how === 'anchor' ? 'anchor-chain' : 'rejected-root';
    ctx.diagnostics.warning(code, `possible root at ${hex(rejected.address)} was rejected: ${rejected.reason}`, {
      address: rejected.address,
    });
  }
  for (const problem of scan.problems)
    ctx.diagnostics.warning('scan-problem', problem.message, { address: problem.address });
  const requests = chosen ? chosen.map((address) => requestFor(scan, address)) : bestOf(scan);
  if (requests.length === 0)
    ctx.diagnostics.error('no-root', 'no KHO root was found in the image (give one with --root)');
  for (const request of requests) {
    if (request.rank === null || request.rank > 0) continue;
    ctx.diagnostics.warning(
      'weak-root',
      `the root candidate at ${hex(request.address)} has rank ${request.rank}: more evidence speaks against it than for it`,
      { address: request.address },
    );
  }
  return requests;
}

/** Every candidate with a positive rank (evidence for outweighs evidence against), or the best one alone. */
function bestOf(scan: KhoRootScan): RootRequest[] {
  const good = scan.candidates.filter((candidate) => candidate.rank > 0);
  const chosen = good.length > 0 ? good : scan.candidates.slice(0, 1);
  return chosen.map((candidate) => requestFor(scan, candidate.address));
}

function requestFor(scan: KhoRootScan, address: number): RootRequest {
  const candidate = scan.candidates.find((entry) => entry.address === address);
  if (!candidate) return { address, how: 'given', rank: null, map: null };
  return { address, how: candidate.how, rank: candidate.rank, map: candidate.map ?? null };
}
