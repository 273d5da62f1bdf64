import type { FragmentLocation } from '../../core/kho';

/**
 * The physical address of byte `offset` of a fragment: fragment address +
 * offset when contiguous; for a page list, the page holding that byte plus
 * the offset inside it. Null for a blob-set file (no memory behind it) or an
 * offset past the listed pages.
 */
export function physicalAddress(location: FragmentLocation, offset: number): number | null {
  switch (location.kind) {
    case 'contiguous':
      return location.address + offset;
    case 'pages': {
      const page = location.pages[Math.floor(offset / location.pageSize)];
      return page === undefined ? null : page + (offset % location.pageSize);
    }
    case 'file':
      return null;
  }
}
