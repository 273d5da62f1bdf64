import type { OpenedImage } from '../../mem/OpenedImage';
import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { checkOverlaps } from '../checks/checkOverlaps';
import { checkPreservation } from '../checks/checkPreservation';
import { judgeCommandLine } from '../checks/checkReserveMemCmdline';
import { checkReserveMemPlacement } from '../checks/checkReserveMemPlacement';
import { checkRootBlobs } from '../checks/checkRootBlobs';
import { kernelFactsOf } from '../kernel/kernelFactsOf';
import { type KernelFacts, noKernelFacts } from '../model/KernelFacts';
import { classifyRootRoles } from '../roles/classifyRootRoles';
import { decodeBlobSet } from '../debugfs/decodeBlobSet';
import { decodeLoneDtb } from '../debugfs/decodeLoneDtb';
import type { GraphSource, KhoGraph, KhoRoot } from '../model/KhoGraph';
import { DecodeContext } from './DecodeContext';
import { decodeRoot } from './decodeRoot';
import { discoverRoots } from './discoverRoots';
import { followLinks } from './followLinks';
import { decodeSystemdSessions } from '../users/luo/systemdSession';
import { rootsFromScan } from './rootsFromScan';
import { resolveKhoLimits, type KhoDecodeOptions } from './KhoDecodeOptions';

/**
 * Decodes the whole KHO graph of an image: every root (given, chosen from a
 * scan the caller already ran, or found by root discovery), every fragment and link reachable from each, the side
 * structures, the checks across them (preservation, overlaps), and each
 * root's role (outgoing, incoming, stale: classifyRootRoles), what the
 * image says about its kernel (`graph.kernel`: kernel image range, command
 * line) and the reserve-mem checks against it. Works on
 * physical memory (any container) as well as on a debugfs blob set or a
 * lone DTB, where pointers cannot be followed. Bounded by `options.limits`,
 * cancellable through `options.signal` (it then rejects with the signal's
 * reason); problems in the image are diagnostics, never exceptions.
 */
export async function decodeKhoGraph(
  image: OpenedImage | PhysicalMemory,
  options: KhoDecodeOptions = {},
): Promise<KhoGraph> {
  const limits = resolveKhoLimits(options.limits);
  const common = { limits, signal: options.signal, onProgress: options.onProgress };
  if (!isPhysicalMemory(image) && image.kind === 'debugfs') {
    const ctx = new DecodeContext({
      ...common,
      memory: null,
      blobFiles: blobFilesOf(image.children),
      pageSize: options.pageSize ?? 4096,
    });
    const roots = await decodeBlobSet(ctx, image);
    return finish(
      ctx,
      roots,
      { kind: 'debugfs', name: 'debugfs blob set', pageSize: ctx.pageSize },
      kernelFactsOf(image),
    );
  }
  if (!isPhysicalMemory(image) && image.kind === 'dtb') {
    const ctx = new DecodeContext({ ...common, memory: null, blobFiles: null, pageSize: options.pageSize ?? 4096 });
    for (const warning of image.warnings) ctx.diagnostics.info('image-warning', warning);
    const roots = await decodeLoneDtb(ctx, image.bytes);
    return finish(ctx, roots, { kind: 'dtb', name: image.source.name, pageSize: ctx.pageSize }, kernelFactsOf(image));
  }
  const memory = isPhysicalMemory(image) ? image : image.memory;
  const name = isPhysicalMemory(image) ? memory.kind : image.source.name;
  const pageSize = options.pageSize ?? (isPhysicalMemory(image) ? memory.pageSize : image.pageSize);
  const ctx = new DecodeContext({ ...common, memory, blobFiles: null, pageSize });
  if (!isPhysicalMemory(image)) for (const warning of image.warnings) ctx.diagnostics.info('image-warning', warning);
  const map = options.map ?? {};
  ctx.progress('roots');
  const requests = options.scan
    ? rootsFromScan(ctx, options.scan, options.roots)
    : options.roots
      ? options.roots.map((address) => ({ address, how: 'given', rank: null, map: null }))
      : await discoverRoots(ctx, memory, map);
  const roots: KhoRoot[] = [];
  for (const request of requests) {
    roots.push(await decodeRoot(ctx, request, map));
    // Follow this root's links before the next root, so each fragment is attributed to the first root reaching it.
    await followLinks(ctx);
  }
  // systemd's session mapping needs its memfd decoded, so it is read once every link is followed.
  await decodeSystemdSessions(ctx);
  ctx.progress('checks');
  checkPreservation(ctx, roots);
  checkRootBlobs(ctx, roots);
  checkOverlaps(ctx);
  const kernel = isPhysicalMemory(image)
    ? (options.kernel ?? noKernelFacts('bare physical memory (no container) says nothing about its kernel'))
    : kernelFactsOf(image);
  return finish(ctx, roots, { kind: 'memory', name, pageSize }, kernel);
}

function isPhysicalMemory(image: OpenedImage | PhysicalMemory): image is PhysicalMemory {
  return typeof (image as PhysicalMemory).read === 'function';
}

/** Children of a blob set keyed by their path, as links to them name them. */
function blobFilesOf(children: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  return new Map([...children].map(([name, bytes]) => [`sub_fdts/${name}`, bytes]));
}

function finish(ctx: DecodeContext, roots: KhoRoot[], source: GraphSource, kernel: KernelFacts): KhoGraph {
  ctx.progress('done');
  const graph: KhoGraph = {
    source,
    roots,
    fragments: [...ctx.fragments.values()],
    links: ctx.links,
    vmallocAreas: ctx.vmallocAreas,
    blockSets: ctx.blockSets,
    scratchAreas: ctx.scratchAreas,
    kernel,
    diagnostics: ctx.diagnostics.finish(),
  };
  classifyRootRoles(graph.source, graph.roots, graph.fragments, graph.diagnostics);
  // Both checks leave consumed roots out, so they run once the roles are known.
  graph.diagnostics.push(...checkReserveMemPlacement(graph));
  return judgeCommandLine(graph, null);
}
