import { forEachNode, type DecodedNode, type DecodedProperty, type FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import { followDraftPageList } from '../schemes/draftPageList';
import { followRootChildren } from '../schemes/rootChildPointers';
import { decodeKexecMetadata } from '../users/kexecMetadata';
import { decodeKhoTest } from '../users/khoTest';
import { decodeLuoFdt } from '../users/luo/decodeLuoFdt';
import { decodeLuoSer } from '../users/luo/decodeLuoSer';
import { decodeMemblock } from '../users/memblock';
import { decodeGuestMemfd } from '../users/guestMemfd';
import { HANDLER_DATA_FORMAT } from '../users/luo/followHandlerData';
import { decodeMemfd } from '../users/memfd';
import { decodePciBlockFlb, decodePciFlb } from '../users/pciFlb';
import { DRAFT_PAGE_LIST_PROPERTY } from '../values/abiPropertyTypes';
import type { DecodeContext } from './DecodeContext';
import { decodeFdtBytes } from './decodeFdtBytes';

/**
 * Decodes a fragment by its format: FDTs get their schemes applied (draft
 * page lists anywhere, mainline pointers under a KHO root) and their known
 * user decoded by root compatible; raw structs go to their decoder. Links
 * found are queued on the context, not followed here.
 */
export async function decodeFragment(ctx: DecodeContext, fragment: Fragment): Promise<void> {
  switch (fragment.format) {
    case 'fdt': {
      const fdt = decodeFdtBytes(ctx, fragment);
      if (fdt) await decodeFdtFragment(ctx, fragment, fdt);
      return;
    }
    case 'luo-ser':
      return decodeLuoSer(ctx, fragment);
    case 'kexec-metadata':
      return decodeKexecMetadata(ctx, fragment);
    case 'memfd-v1':
    case 'memfd-v2':
    case 'memfd-features':
      return decodeMemfd(ctx, fragment);
    case 'guest-memfd-v1':
      return decodeGuestMemfd(ctx, fragment);
    case 'pci-v1':
    case 'pci-v2':
      return decodePciFlb(ctx, fragment);
    case 'pci-block':
      return decodePciBlockFlb(ctx, fragment);
    case HANDLER_DATA_FORMAT:
      // followHandlerData already said why the layout is unknown.
      fragment.content = { kind: 'raw', format: HANDLER_DATA_FORMAT, fields: [] };
      return;
    default:
      fragment.content = { kind: 'raw', format: 'unknown', fields: [] };
      ctx.diagnostics.info('unknown-format', `${fragment.size} bytes of unknown format: shown raw`, {
        fragment: fragment.id,
      });
  }
}

/**
 * Applies the schemes and the known user to a decoded FDT fragment (roots
 * call it once their version is registered, so their children get followed).
 */
export async function decodeFdtFragment(ctx: DecodeContext, fragment: Fragment, fdt: FdtContent): Promise<void> {
  const pageLists: [DecodedNode, DecodedProperty][] = [];
  forEachNode(fdt.root, (node) => {
    for (const property of node.properties)
      if (property.name === DRAFT_PAGE_LIST_PROPERTY) pageLists.push([node, property]);
  });
  for (const [node, property] of pageLists) await followDraftPageList(ctx, fragment, node, property);
  const version = ctx.rootVersions.get(fragment.id);
  if (version) followRootChildren(ctx, fragment, fdt.root, version);
  await decodeFdtUser(ctx, fragment, fdt);
}

/** Known users of an FDT fragment, by its root compatible (kho-format.md §6). */
async function decodeFdtUser(ctx: DecodeContext, fragment: Fragment, fdt: FdtContent): Promise<void> {
  const compatible = fragment.compatible ?? '';
  if (compatible === 'memblock-v1') decodeMemblock(ctx, fragment, fdt);
  else if (compatible === 'kho-test-v1') await decodeKhoTest(ctx, fragment, fdt);
  else if (/^luo-v[0-9]+$/.test(compatible)) {
    if (compatible !== 'luo-v1') {
      ctx.diagnostics.warning(
        'unknown-version',
        `LUO FDT "${compatible}" is not a known version; decoded with the luo-v1 layout`,
        { fragment: fragment.id, node: '/', property: 'compatible' },
      );
    }
    await decodeLuoFdt(ctx, fragment, fdt);
  }
}
