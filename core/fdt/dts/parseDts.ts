import type { FdtDocument } from '../FdtDocument';
import { DtsError } from './DtsError';
import { resolveDtsParseLimits } from './DtsParseOptions';
import type { DtsParseOptions } from './DtsParseOptions';
import { DtsParser } from './DtsParser';
import type { DtsSourceNode } from './DtsSourceTree';
import { checkDtsTree } from './checkDtsTree';
import { dtsSourceToDocument } from './dtsSourceToDocument';
import { resolveDtsReferences } from './resolveDtsReferences';

/**
 * Parses DTS text into the document `dtc -I dts -O dtb` (dtc 1.6.1) would
 * compile it to: same nodes, properties, bytes and order, phandles allocated
 * as dtc allocates them, `boot_cpuid_phys` guessed from `/cpus` as dtc does.
 * Labels on nodes and properties are kept in the document. Text dtc rejects
 * is rejected too (see docs/dts.md for the few differences).
 *
 * Throws only `DtsError` (with line, column and reason), for bad syntax, for
 * what dtc's error checks refuse (unless `options.force`, dtc -f), and for
 * going past a limit in `options`.
 */
export function parseDts(text: string, options?: DtsParseOptions): FdtDocument {
  const limits = resolveDtsParseLimits(options);
  if (text.length > limits.maxInputLength) {
    throw new DtsError(
      { line: 1, column: 1 },
      `the text is ${text.length} characters long, more than the ${limits.maxInputLength} allowed (maxInputLength)`,
    );
  }
  const file = new DtsParser(text, limits).parse();
  const phandles = new Map<number, DtsSourceNode>();
  checkDtsTree(file.root, file.finder, phandles, { force: options?.force === true, onForced: options?.onForced });
  resolveDtsReferences(file.root, file.finder, phandles);
  if (file.root.deleted) {
    // dtc then writes a blob with no node at all, which no document can hold.
    throw new DtsError(
      file.root.at,
      'the root node is deleted (by /delete-node/ or /omit-if-no-ref/), leaving no tree',
    );
  }
  return dtsSourceToDocument(file);
}
