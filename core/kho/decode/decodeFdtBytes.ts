import { FdtError } from '../../fdt/FdtError';
import { readFdt } from '../../fdt/readFdt';
import type { FdtContent } from '../model/FdtContent';
import type { Fragment } from '../model/Fragment';
import { stringOf } from '../values/stringOf';
import type { DecodeContext } from './DecodeContext';
import { fdtContentFromIndex } from './fdtContentFromIndex';

/** Deepest node nesting accepted inside one fragment (KHO fragments are a few levels deep). */
const MAX_FDT_DEPTH = 256;

/**
 * Reads a fragment's bytes as an FDT and sets its content and compatible.
 * A blob the FDT reader refuses becomes an `fdt-error` diagnostic carrying
 * the reader's message and offset; the fragment then has no content.
 */
export function decodeFdtBytes(ctx: DecodeContext, fragment: Fragment): FdtContent | null {
  try {
    const index = readFdt(fragment.bytes, { maxDepth: MAX_FDT_DEPTH, maxTotalSize: ctx.limits.maxFragmentBytes });
    const content = fdtContentFromIndex(index);
    fragment.content = content;
    fragment.compatible = stringOf(content.root.properties.find((property) => property.name === 'compatible')?.value);
    return content;
  } catch (error) {
    if (!(error instanceof FdtError)) throw error;
    ctx.diagnostics.error('fdt-error', `not a readable FDT: ${error.message}`, { fragment: fragment.id, offset: error.offset });
    return null;
  }
}
