import type { FdtProperty } from '../FdtDocument';

/** Options of `printDts`. Without any, the text is dtc's own. */
export interface PrintDtsOptions {
  /**
   * A note for one property, printed after the property's `;` as a trailing
   * `/* note *\/` comment on the same line; `undefined` (or an empty string)
   * prints nothing. Called once per property, in print order, with the full
   * path of the node that holds it (`/` for the root, `/a/b@1` below it) and
   * the document's own property object, so a caller can map it back to
   * whatever it decoded from the same document.
   */
  annotate?(nodePath: string, property: FdtProperty): string | undefined;
}
