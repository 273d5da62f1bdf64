import { hex } from '../../../bytes/readers';
import { toAddress } from '../../../bytes/address';
import type { DecodeContext } from '../../decode/DecodeContext';
import type { FieldRef } from '../../model/FieldRef';
import type { Fragment } from '../../model/Fragment';
import type { LuoFile } from '../../model/UserContent';
import { MEMFD_SER_SIZES } from '../memfd';

/**
 * Queues a LUO file's handler data for decoding when the handler is known
 * (`memfd-v1`, `memfd-v2`: `data` is the phys of a `memfd_luo_ser`), and
 * returns the file with the id of the link it became. Unknown handlers are
 * noted: their data format is private to them.
 */
export function followFileData(ctx: DecodeContext, fragment: Fragment, from: FieldRef, file: LuoFile): LuoFile {
  const size = MEMFD_SER_SIZES[file.compatible];
  if (size === undefined) {
    ctx.diagnostics.info(
      'unknown-file-handler',
      `file handler "${file.compatible}" is not known; its data ${hex(file.data)} is shown as a number`,
      from,
    );
    return file;
  }
  const address = toAddress(file.data);
  if (address === null || address === 0) {
    ctx.diagnostics.error(
      'bad-pointer',
      `${file.compatible} file data ${hex(file.data)} is not a usable physical address`,
      from,
    );
    return file;
  }
  const link = ctx.follow(
    fragment,
    {
      from,
      scheme: 'luo-file-data',
      addresses: [address],
      size,
      order: 'le',
      orderReason: 'LUO structs are native (little-endian)',
    },
    { kind: 'raw', address, size, format: file.compatible },
  );
  return { ...file, dataLink: link.id };
}
