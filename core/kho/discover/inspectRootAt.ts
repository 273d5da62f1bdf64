import type { PhysicalMemory } from '../../mem/PhysicalMemory';
import { assembleAnchorChain } from './assembleAnchorChain';
import { ANCHOR_MAGIC } from './anchorPageLayout';
import { anchorSource, pagesOf } from './RootSource';
import { rankRoot } from './rankRoot';
import { readFdtAt } from './readFdtAt';
import type { RootCandidate } from './RootCandidate';
import { scanLimits, type RootScanOptions } from './RootScanOptions';
import { RootScanError } from './RootScanError';
import { ValidationReader } from './ValidationReader';

/**
 * Validates a root given by address (`--root ADDR`): an FDT there, or the
 * head of a `KHOANCH1` anchor chain. Returns it ranked like a discovered
 * root, with how = `given`, whatever its compatible (the rank says when it
 * is not a KHO root). Throws `RootScanError` when there is no readable FDT.
 */
export async function inspectRootAt(
  memory: PhysicalMemory,
  address: number,
  options: RootScanOptions = {},
): Promise<RootCandidate> {
  const pageSize = options.pageSize ?? memory.pageSize;
  const limits = scanLimits(options, pageSize);
  const reader = new ValidationReader(memory, limits.maxValidationBytes, options.signal);
  if (!Number.isSafeInteger(address) || address < 0) throw new RootScanError(0, `${address} is not a physical address`);
  const head = await reader.read(address, 8);
  if (typeof head === 'string') throw new RootScanError(address, `the address ${head}`);
  if (String.fromCharCode(...head) === ANCHOR_MAGIC) {
    const chain = await assembleAnchorChain(reader, address, {
      pageSize,
      maxAnchorPages: limits.maxAnchorPages,
      maxFdtBytes: limits.maxFdtBytes,
    });
    if (!chain.ok) throw new RootScanError(address, `anchor chain does not assemble: ${chain.reason}`);
    const source = anchorSource(chain, 'given');
    if ('reason' in source) throw new RootScanError(address, source.reason);
    return rankRoot(reader, source, pageSize, options);
  }
  const found = await readFdtAt(reader, address, limits.maxFdtBytes);
  if (found === null) throw new RootScanError(address, 'no valid FDT header (and no KHOANCH1 anchor page) here');
  if (found.index === null) throw new RootScanError(address, found.problem);
  return rankRoot(
    reader,
    {
      address,
      how: 'given',
      fdt: found.index,
      fdtPages: pagesOf(address, found.size, pageSize),
      anchorPages: [],
      warnings: [],
    },
    pageSize,
    options,
  );
}
