import type { FdtIndex } from '../../fdt';
import type { AssembledChain } from './assembleAnchorChain';
import { parseFdt } from './readFdtAt';
import type { RootHow } from './RootCandidate';

/** A root FDT in hand, before ranking. */
export interface RootSource {
  address: number;
  how: RootHow;
  fdt: FdtIndex;
  fdtPages: number[];
  anchorPages: number[];
  /** Anchor-chain warnings to carry into the reasons. */
  warnings: string[];
}

/** The root FDT of an assembled chain, or why it does not parse. */
export function anchorSource(chain: AssembledChain, how: RootHow): RootSource | { reason: string } {
  const parsed = parseFdt(chain.bytes, chain.fdtSize);
  if (parsed.index === null) return { reason: `the assembled FDT is broken: ${parsed.problem}` };
  const warnings = [...chain.warnings];
  const totalSize = parsed.index.header.totalSize;
  if (totalSize < chain.fdtSize)
    warnings.push(`the FDT's totalsize ${totalSize} is less than the chain's fdt_size ${chain.fdtSize}`);
  return {
    address: chain.anchorPages[0],
    how,
    fdt: parsed.index,
    fdtPages: chain.pages,
    anchorPages: chain.anchorPages,
    warnings,
  };
}

/** The pages a contiguous blob covers. */
export function pagesOf(address: number, size: number, pageSize: number): number[] {
  const pages: number[] = [];
  for (let page = address - (address % pageSize); page < address + size; page += pageSize) pages.push(page);
  return pages;
}
