import type { FragmentLocation } from '../../kho/model/FragmentLocation';

/** The pages a location covers, in order (a page list as listed, a contiguous range page by page). */
export function pagesOf(location: FragmentLocation, pageSize: number): number[] {
  if (location.kind === 'pages') return location.pages;
  if (location.kind === 'file') return [];
  const pages: number[] = [];
  const first = location.address - (location.address % pageSize);
  for (let page = first; page < location.address + location.length; page += pageSize) pages.push(page);
  return pages;
}

/** The first physical address of a location (the decoder names the fragment after it); -1 for a file. */
export function firstAddress(location: FragmentLocation): number {
  if (location.kind === 'contiguous') return location.address;
  if (location.kind === 'pages') return location.pages[0];
  return -1;
}
