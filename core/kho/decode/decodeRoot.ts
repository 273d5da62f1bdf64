import { ValidationReader } from '../discover/ValidationReader';
import { assembleAnchorChain } from '../discover/assembleAnchorChain';
import { ANCHOR_MAGIC } from '../discover/anchorPageLayout';
import type { PreservedMemoryMap } from '../maps/PreservedMemoryMap';
import { hex, startsWithAscii } from '../../bytes/readers';
import type { Fragment } from '../model/Fragment';
import type { FragmentLocation } from '../model/FragmentLocation';
import type { KhoRoot } from '../model/KhoGraph';
import type { AnchorChain } from '../model/SideStructures';
import { rootPartProblems } from '../rootParts';
import { parseRootCompatible } from '../rootVersion';
import type { DecodeContext } from './DecodeContext';
import { decodeFdtBytes } from './decodeFdtBytes';
import { decodeFdtFragment } from './decodeFragment';
import { decodeRootMap, type RootMapOptions } from './decodeRootMap';
import { fdtSizeAt } from './readTarget';

/** A root to decode: where, how it was found, and the map the scan already decoded (if any). */
export interface RootRequest {
  address: number;
  how: string;
  rank: number | null;
  map: PreservedMemoryMap | null;
}

/**
 * Decodes one KHO root at a physical address: a top-level FDT, or a
 * `KHOANCH1` anchor chain listing the pages of a larger one. Registers the
 * root fragment and its version, decodes its preserved-memory map and
 * queues its children. Everything wrong becomes a diagnostic on the root.
 */
export async function decodeRoot(
  ctx: DecodeContext,
  request: RootRequest,
  mapOptions: RootMapOptions,
): Promise<KhoRoot> {
  const id = hex(request.address);
  const root: KhoRoot = {
    fragment: null,
    address: request.address,
    how: request.how,
    rank: request.rank,
    compatible: null,
    version: null,
    anchorChain: null,
    map: null,
  };
  const location = { address: request.address };
  if (ctx.fragments.has(id)) {
    ctx.diagnostics.info('root-already-decoded', `root ${id} was already reached as a fragment of another root`, {
      fragment: id,
    });
    root.fragment = id;
    return root;
  }
  const head = await ctx.read(request.address, 8, 'root', location);
  if (!head) return root;
  const blob = startsWithAscii(head, ANCHOR_MAGIC)
    ? await readAnchoredFdt(ctx, root)
    : await readRootFdt(ctx, request.address);
  if (!blob) return root;
  const fragment: Fragment = {
    id,
    root: id,
    depth: 0,
    location: blob.location,
    size: blob.bytes.length,
    format: 'fdt',
    compatible: null,
    bytes: blob.bytes,
    content: null,
    user: null,
  };
  ctx.fragments.set(id, fragment);
  root.fragment = id;
  const fdt = decodeFdtBytes(ctx, fragment);
  if (!fdt) return root;
  if (root.anchorChain && fdt.totalSize !== root.anchorChain.fdtSize) {
    ctx.diagnostics.warning(
      'anchor-chain',
      `the anchor chain says fdt_size ${root.anchorChain.fdtSize} but the FDT's totalsize is ${fdt.totalSize}`,
      { fragment: id, structure: root.anchorChain.id },
    );
  }
  registerVersion(ctx, fragment, root);
  root.map = await decodeRootMap(ctx, fragment, fdt, root, request.map, mapOptions);
  await decodeFdtFragment(ctx, fragment, fdt);
  return root;
}

/** Reads the root's compatible and records its version (or why it has none). */
export function registerVersion(ctx: DecodeContext, fragment: Fragment, root: KhoRoot): void {
  const location = { fragment: fragment.id, node: '/', property: 'compatible' };
  root.compatible = fragment.compatible;
  root.version = fragment.compatible === null ? null : parseRootCompatible(fragment.compatible);
  if (!root.version) {
    ctx.diagnostics.error(
      'not-a-kho-root',
      `root compatible is ${fragment.compatible === null ? 'missing' : `"${fragment.compatible}"`}, not "kho-vN": only draft page lists are followed`,
      location,
    );
    return;
  }
  if (!root.version.known) {
    ctx.diagnostics.warning(
      'unknown-version',
      `${root.version.compatible} is newer than any version khoscope knows; decoded with the kho-v${root.version.rules} rules`,
      location,
    );
  }
  for (const problem of rootPartProblems(root.version))
    ctx.diagnostics.warning('unknown-version', `root compatible ${problem}`, location);
  ctx.rootVersions.set(fragment.id, root.version);
}

async function readRootFdt(
  ctx: DecodeContext,
  address: number,
): Promise<{ location: FragmentLocation; bytes: Uint8Array } | null> {
  const location = { address };
  const size = await fdtSizeAt(ctx, address, location);
  if (size === null) return null;
  const bytes = await ctx.read(address, size, 'root FDT', location);
  return bytes && { location: { kind: 'contiguous', address, length: size }, bytes };
}

/**
 * Assembles the top-level FDT from its anchor chain (with root discovery's
 * chain walker, which bounds and checks it) and reports what is off.
 */
async function readAnchoredFdt(
  ctx: DecodeContext,
  root: KhoRoot,
): Promise<{ location: FragmentLocation; bytes: Uint8Array } | null> {
  const head = root.address!;
  const structure = `anchor:${hex(head)}`;
  const budget = Math.max(0, ctx.limits.maxTotalBytes - ctx.bytesSpent);
  const result = await assembleAnchorChain(new ValidationReader(ctx.memory!, budget, ctx.signal), head, {
    pageSize: ctx.pageSize,
    maxAnchorPages: ctx.limits.maxAnchorPages,
    maxFdtBytes: ctx.limits.maxFragmentBytes,
  });
  ctx.charge(result.anchorPages.length * ctx.pageSize + (result.ok ? result.fdtSize : 0));
  if (!result.ok) {
    ctx.diagnostics.error('anchor-chain', `anchor chain at ${hex(head)} is broken: ${result.reason}`, {
      address: head,
      structure,
    });
    return null;
  }
  for (const warning of result.warnings) ctx.diagnostics.warning('anchor-chain', warning, { address: head, structure });
  const chain: AnchorChain = {
    id: structure,
    anchorPages: result.anchorPages,
    fdtSize: result.fdtSize,
    pages: result.pages,
  };
  root.anchorChain = chain;
  return {
    location: { kind: 'pages', pages: result.pages, pageSize: ctx.pageSize, length: result.fdtSize },
    bytes: result.bytes,
  };
}
