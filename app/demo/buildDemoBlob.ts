import { writeFdt } from '../../core/fdt';
import { parseDts } from '../../core/fdt/dts';
import demoSource from './demo.dts?raw';

/**
 * The demo tree as a .dtb, built at run time from the DTS text shipped with
 * the app, so opening the demo exercises the real DTS parser and FDT writer
 * (and then the reader and printer) rather than a canned blob.
 */
export function buildDemoBlob(): Uint8Array {
  return writeFdt(parseDts(demoSource));
}
