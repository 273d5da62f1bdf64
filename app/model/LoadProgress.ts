/**
 * How far opening an image has got, for the progress bar: the page scan
 * (bytes of physical memory probed) and then the decode (fragments, links,
 * bytes read). Sent by the worker a few times a second at most.
 */
export interface LoadProgress {
  stage: 'opening' | 'scanning' | 'decoding';
  bytesScanned: number;
  totalBytes: number;
  /** Decode phase (`roots`, `fragments`, `maps`, `checks`, `done`). */
  phase: string;
  fragments: number;
  links: number;
  bytesRead: number;
}
