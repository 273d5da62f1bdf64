import type { Link } from '../../../../core/kho';
import { formatHex } from '../../../format/formatHex';

/**
 * The short label of a link's edge: its target address, both pages of a
 * two-page list, or the first page and how many more; a file target (debugfs)
 * by its path.
 */
export function edgeLabel(link: Link): string {
  const addresses = link.addresses;
  if (addresses.length === 0) return link.to ?? 'no address';
  if (addresses.length === 1) return formatHex(addresses[0]);
  if (addresses.length === 2) return `${formatHex(addresses[0])}, ${formatHex(addresses[1])}`;
  return `${formatHex(addresses[0])} +${addresses.length - 1} pages`;
}

/** The tag shown beside the label when the pointer was read big-endian (KHO itself writes little-endian). */
export function edgeOrderTag(link: Link): string | null {
  return link.order === 'be' ? 'BE' : null;
}

/** The full story of a link for its tooltip: scheme, every address, byte order and why. */
export function edgeTitle(link: Link): string {
  const addresses = link.addresses.length > 0 ? link.addresses.map(formatHex).join(', ') : '(no address)';
  const size = link.size === null ? '' : `, ${link.size} bytes`;
  return `${link.from.property} → ${link.to ?? 'not read'} (${link.scheme})\n${addresses}${size}\n${link.orderReason}`;
}
