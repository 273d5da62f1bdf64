import type { RootRoleName } from './RootRole';

/**
 * One problem (or remark) found while decoding, attached to the exact place
 * it is about so a viewer can show it there and not only in a list.
 */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code (`dangling-pointer`, `cycle`, ...); docs/kho-graph.md lists them. */
  code: string;
  /** Plain-words explanation. */
  message: string;
  location: DiagnosticLocation;
  /**
   * Set only on a problem judged by role (roles/judgeByRole.ts): it is
   * expected, since it lies in a root the receiving kernel consumed, so it
   * was made a note; this says which root, its role and how severe it is
   * when judged strictly.
   */
  expected?: ExpectedProblem;
}

/** Why a problem became a note: the consumed root it lies in (see RootRole). */
export interface ExpectedProblem {
  /** The root's address in hex (its fragment id when it has no address). */
  root: string;
  role: RootRoleName;
  /** Its severity when judged strictly (`--root`). */
  strictly: 'error' | 'warning';
  /** The message as judged strictly, without the note's "expected in …" preamble (for one-line lists). */
  original: string;
}

/** `error`: something is wrong or could not be read; `warning`: suspicious; `info`: worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Where a diagnostic points. Every field is optional; the more are set, the
 * more precise the place: a fragment, a node in it, a property or raw-struct
 * field of that node, a byte offset inside the fragment, a physical address.
 */
export interface DiagnosticLocation {
  /** Id of the fragment. */
  fragment?: string;
  /** Node path inside an FDT fragment. */
  node?: string;
  /** Property name (FDT) or field path (raw struct, e.g. `sessions[0].files`). */
  property?: string;
  /** Byte offset inside the fragment. */
  offset?: number;
  /** Physical address (a page, an entry, a pointer target). */
  address?: number;
  /** Id of a side structure (vmalloc area, block set, anchor chain, map). */
  structure?: string;
}
