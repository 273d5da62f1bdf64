import { hex, readU64List } from '../../bytes/readers';
import { toAddress } from '../../bytes/address';
import type { DecodeContext } from '../decode/DecodeContext';
import type { DecodedNode, DecodedProperty } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import { DRAFT_PAGE_LIST_PROPERTY } from '../values/abiPropertyTypes';
import { typePropertyValue } from '../values/typePropertyValue';
import { choosePageListOrder } from './choosePageListOrder';

/**
 * The draft scheme (seed-design.md): a `kho,recursive-fdt` property on any
 * node of any fragment lists the pages that, concatenated, hold a child FDT.
 * Picks the byte order by the seed's rule, retypes the value in that order,
 * and queues the page list to be read.
 */
export async function followDraftPageList(
  ctx: DecodeContext,
  fragment: Fragment,
  node: DecodedNode,
  property: DecodedProperty,
): Promise<void> {
  const from = { fragment: fragment.id, node: node.path, property: DRAFT_PAGE_LIST_PROPERTY };
  const location = { ...from, offset: property.offset };
  const raw = property.raw;
  if (raw.length === 0 || raw.length % 8 !== 0) {
    ctx.diagnostics.error(
      'bad-property-length',
      `${DRAFT_PAGE_LIST_PROPERTY} is ${raw.length} bytes; it must be a non-empty list of u64 page addresses`,
      location,
    );
    return;
  }
  if (raw.length / 8 > ctx.limits.maxPageListPages) {
    ctx.diagnostics.warning(
      'limit-reached',
      `page list of ${raw.length / 8} pages is longer than maxPageListPages (${ctx.limits.maxPageListPages})`,
      location,
    );
    return;
  }
  const { order, reason } = await choosePageListOrder(ctx, raw, location);
  property.value = typePropertyValue(property.name, raw, order);
  const pages: number[] = [];
  for (const value of readU64List(raw, order)) {
    const page = toAddress(value);
    if (page === null) {
      ctx.diagnostics.error('address-too-large', `page ${hex(value)} of the page list is past 2^53`, location);
      return;
    }
    pages.push(page);
  }
  ctx.follow(
    fragment,
    { from, scheme: 'draft-recursive-fdt', addresses: pages, size: null, order, orderReason: reason },
    { kind: 'fdt-pages', pages },
  );
}
