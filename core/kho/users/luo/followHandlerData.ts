import { hex } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { FieldRef } from '../../model/FieldRef';
import type { Fragment } from '../../model/Fragment';
import { luoHandlerFor, type LuoHandler } from './handlers';

/** Fragment format of handler data whose layout khoscope does not know. */
export const HANDLER_DATA_FORMAT = 'handler-data';

/**
 * Follows the `data` of a LUO file or FLB by its handler (handlers.ts) and
 * returns the id of the link it became, or null when there is nothing to
 * follow. A known layout is read as its struct. For an unknown handler, or
 * one whose layout khoscope does not know, `data` is followed when it is an
 * address in the image: the rest of its page is shown raw and checked
 * against the map like any fragment; otherwise it stays a number, noted.
 */
export function followHandlerData(
  ctx: DecodeContext,
  fragment: Fragment,
  from: FieldRef,
  kind: LuoHandler['kind'],
  compatible: string,
  data: bigint,
): string | null {
  const handler = luoHandlerFor(kind, compatible);
  const what = kind === 'file' ? 'file handler' : 'FLB';
  const address = toAddress(data);
  if (handler?.format) {
    if (address === null || address === 0) {
      ctx.diagnostics.error(
        'bad-pointer',
        `${compatible} ${kind === 'file' ? 'file' : 'FLB'} data ${hex(data)} is not a usable physical address`,
        from,
      );
      return null;
    }
    return follow(ctx, fragment, from, kind, compatible, address, handler.size, handler.format);
  }
  const known = handler ? `"${compatible}" (${handler.title}) has a layout khoscope does not decode` : null;
  const why = known ?? `${what} "${compatible}" is not known`;
  if (address === null || address === 0 || !ctx.contains(address, 1)) {
    ctx.diagnostics.info(
      'unknown-file-handler',
      `${why}; its data ${hex(data)} is not an address in the image, so it is shown as a number`,
      from,
    );
    return null;
  }
  ctx.diagnostics.info(
    'unknown-file-handler',
    `${why}; its data ${hex(data)} is followed and the rest of that page shown raw`,
    from,
  );
  const toPageEnd = ctx.pageSize - (address % ctx.pageSize);
  const size = Math.max(toPageEnd, handler?.size ?? 0);
  return follow(ctx, fragment, from, kind, compatible, address, size, HANDLER_DATA_FORMAT);
}

function follow(
  ctx: DecodeContext,
  fragment: Fragment,
  from: FieldRef,
  kind: LuoHandler['kind'],
  compatible: string,
  address: number,
  size: number,
  format: string,
): string {
  const link = ctx.follow(
    fragment,
    {
      from,
      scheme: kind === 'file' ? 'luo-file-data' : 'luo-flb-data',
      addresses: [address],
      size,
      order: 'le',
      orderReason: 'LUO structs are native (little-endian)',
    },
    { kind: 'raw', address, size, format, compatible },
  );
  return link.id;
}
