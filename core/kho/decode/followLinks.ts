import type { Fragment } from '../model/Fragment';
import type { DecodeContext } from './DecodeContext';
import { decodeFragment } from './decodeFragment';
import type { PendingTarget } from './PendingTarget';
import { readTarget } from './readTarget';
import { targetId } from './targetId';

/**
 * Follows queued links breadth-first until none are left: each target is
 * read and decoded once (which may queue more links). A link to a fragment
 * that already exists is a cycle when that fragment is the owner or one of
 * its ancestors, and otherwise a second link to one fragment; either way it
 * is recorded, not decoded again. Fragment count and depth are bounded.
 */
export async function followLinks(ctx: DecodeContext): Promise<void> {
  // An index, not shift(): shifting a queue of 100k links moves all of it every time (quadratic).
  for (let i = 0; i < ctx.pending.length; i++) {
    await ctx.pass();
    await followLink(ctx, ctx.pending[i]);
    ctx.progress('fragments');
  }
  ctx.pending.length = 0;
}

async function followLink(ctx: DecodeContext, pending: PendingTarget): Promise<void> {
  const { link, owner, target } = pending;
  const id = targetId(target);
  const existing = ctx.fragments.get(id);
  const location = { ...link.from };
  if (existing) {
    link.to = existing.id;
    const first = ctx.firstLinkTo.get(existing.id);
    if (!first) ctx.firstLinkTo.set(existing.id, link);
    if (isSelfOrAncestor(ctx, existing.id, owner.id)) {
      ctx.diagnostics.error(
        'cycle',
        `${link.from.property} of ${link.from.node || owner.id} points back to ${existing.id}, which leads here: the graph has a cycle`,
        location,
      );
    } else {
      const earlier = first ? `from ${first.id}` : 'as a root';
      ctx.diagnostics.warning(
        'shared-target',
        `two links reach ${existing.id}: it was already reached ${earlier}, and ${link.id} points to it too`,
        location,
      );
    }
    return;
  }
  if (owner.depth + 1 > ctx.limits.maxDepth) {
    ctx.diagnostics.warning(
      'limit-reached',
      `link not followed: it is deeper than maxDepth (${ctx.limits.maxDepth})`,
      location,
    );
    return;
  }
  if (ctx.fragments.size >= ctx.limits.maxFragments) {
    ctx.diagnostics.warning(
      'limit-reached',
      `link not followed: the graph already has maxFragments (${ctx.limits.maxFragments}) fragments`,
      location,
    );
    return;
  }
  const read = await readTarget(ctx, pending);
  if (!read) return;
  const fragment: Fragment = {
    id,
    root: owner.root,
    depth: owner.depth + 1,
    location: read.location,
    size: read.location.length,
    format: read.format,
    // A LUO handler's data carries its handler's compatible; FDTs set theirs when decoded.
    compatible: pending.target.kind === 'raw' ? (pending.target.compatible ?? null) : null,
    bytes: read.bytes,
    content: null,
    user: null,
  };
  ctx.fragments.set(id, fragment);
  ctx.parents.set(id, owner.id);
  link.to = id;
  ctx.firstLinkTo.set(id, link);
  await decodeFragment(ctx, fragment);
}

/** True when `candidate` is `start` or reached from a root through `start`'s first-parent chain. */
function isSelfOrAncestor(ctx: DecodeContext, candidate: string, start: string): boolean {
  for (let at: string | undefined = start; at !== undefined; at = ctx.parents.get(at)) {
    if (at === candidate) return true;
  }
  return false;
}
