import type { Selection } from '../../../model/Selection';

/** What the dev harness page exposes as `window.harness`, for the e2e view specs. */
export interface HarnessApi {
  /** Sets the selection as another view would. */
  select(selection: Selection | null): void;
  /** Every selection the mounted views made, in order. */
  selections: Selection[];
  /** True once the first frame with the views was painted. */
  ready: boolean;
  /** Milliseconds to build the example graph. */
  builtIn: number;
  /** Milliseconds from handing the graph to React to the first painted frame. */
  renderedAt: number;
}

declare global {
  interface Window {
    harness: HarnessApi;
  }
}
