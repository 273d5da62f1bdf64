import type { FdtDocument } from '../../fdt/FdtDocument';
import type { EditState } from '../EditState';
import { writtenByExport } from '../reencode/sameExceptWrittenByExport';
import { applyValueChanges } from '../reencode/valueChanges';

/**
 * The tree with the values export writes emptied, as a copy: the plain
 * form of what `sameExceptWrittenByExport` compares in place, for the
 * checks to compare with `sameDocument` independently of it.
 */
export function maskedDocument(state: EditState, fragmentId: string, doc: FdtDocument): FdtDocument {
  return applyValueChanges(doc, writtenByExport(state, fragmentId, doc));
}
