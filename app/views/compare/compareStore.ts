import { create } from 'zustand';
import type { CompareInput, GraphComparison, KhoRoot } from '../../../core/kho';
import type { RootChoice } from '../../model/ScanSummary';
import type { CompareMark, ShownSide } from './compareMarks';

/** Where a comparison stands: nothing asked, the other side being read, a root to choose, a result, or a problem. */
export type CompareStatus = 'idle' | 'opening' | 'choose-root' | 'ready' | 'error';

/** The compare store: the comparison shown, and the state of reading its other side. */
export interface CompareState {
  status: CompareStatus;
  /** What the other side is read from (a file name, "root 0x…"), for the status line. */
  otherLabel: string | null;
  /** The other image's roots, when it has several and the user must choose. */
  candidates: RootChoice[];
  comparison: GraphComparison | null;
  /** Marks for the shown graph's places (`compareMarks`), keyed by selection key. */
  marks: ReadonlyMap<string, CompareMark>;
  /** Which side of the comparison the explorer shows. */
  shown: ShownSide;
  /** The side that is not the shown graph, kept to compare again when the shown graph is edited. */
  other: CompareInput | null;
  /** A problem in plain words (status `error`). */
  message: string | null;
  /** Whether the list shows pointers that only moved. */
  showMoved: boolean;
  /** The shown graph's root the comparison starts from; null for its first decoded root. */
  rootA: KhoRoot | null;

  setShowMoved(show: boolean): void;
  setRootA(root: KhoRoot | null): void;
}

const NO_MARKS: ReadonlyMap<string, CompareMark> = new Map();

/** Back to "nothing compared" (also what a newly opened image starts with). */
export const IDLE = {
  status: 'idle',
  otherLabel: null,
  candidates: [],
  comparison: null,
  marks: NO_MARKS,
  shown: 'a',
  other: null,
  message: null,
} as const satisfies Partial<CompareState>;

/** Kept apart from the document store: a comparison changes marks and the list, never the graph. */
export const useCompareStore = create<CompareState>()((set) => ({
  ...IDLE,
  candidates: [],
  showMoved: false,
  rootA: null,
  setShowMoved(show) {
    set({ showMoved: show });
  },
  setRootA(root) {
    set({ rootA: root });
  },
}));
