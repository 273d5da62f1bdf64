import { FdtError } from '../../fdt/FdtError';
import type { FdtIndex } from '../../fdt/FdtIndex';
import type { FdtTruncation } from '../../fdt/FdtTruncation';
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
  const index = readFragmentFdt(ctx, fragment, false);
  return index && setContent(fragment, index);
}

/** A tolerant read of a fragment: the content of what its bytes hold, and what they lack. */
export interface FdtPrefixRead {
  /** Null when the bytes end before the root node starts (there is no tree to show). */
  content: FdtContent | null;
  /** Null when the bytes hold the whole FDT. */
  truncation: FdtTruncation | null;
}

/**
 * Like `decodeFdtBytes`, for bytes that may hold only a prefix of their FDT
 * (the kernel's debugfs root file): the fragment's content is the tree the
 * bytes hold, with placeholder names where the strings block is cut
 * (`FdtIndex.propertyName`), and `truncation` says what is missing; the
 * caller explains it. Null, with an `fdt-error` diagnostic, only when the
 * bytes present are not a readable FDT prefix.
 */
export function decodeFdtPrefix(ctx: DecodeContext, fragment: Fragment): FdtPrefixRead | null {
  const index = readFragmentFdt(ctx, fragment, true);
  if (!index) return null;
  return { content: index.nodeCount === 0 ? null : setContent(fragment, index), truncation: index.truncation };
}

function readFragmentFdt(ctx: DecodeContext, fragment: Fragment, allowTruncated: boolean): FdtIndex | null {
  try {
    return readFdt(fragment.bytes, {
      maxDepth: MAX_FDT_DEPTH,
      maxTotalSize: ctx.limits.maxFragmentBytes,
      allowTruncated,
    });
  } catch (error) {
    if (!(error instanceof FdtError)) throw error;
    ctx.diagnostics.error('fdt-error', `not a readable FDT: ${error.message}`, {
      fragment: fragment.id,
      offset: error.offset,
    });
    return null;
  }
}

function setContent(fragment: Fragment, index: FdtIndex): FdtContent {
  const content = fdtContentFromIndex(index);
  fragment.content = content;
  fragment.compatible = stringOf(content.root.properties.find((property) => property.name === 'compatible')?.value);
  return content;
}
