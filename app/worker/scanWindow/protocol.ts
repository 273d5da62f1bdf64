import type { PhysRange } from '../../../core/mem';
import type { PageScan } from '../../../core/kho';
import type { ExplorePlan } from '../../model/ExplorePlan';
import type { InputFile } from '../protocol';

/** The scan settings a window worker needs (signal and progress stay with the caller). */
export interface WindowScanLimits {
  pageSize: number;
  chunkBytes: number;
  maxHits: number;
  readAhead: number;
}

/** Decode worker → window worker: open these files as the decode worker did and scan one window. */
export interface ScanWindowRequest {
  label: string;
  files: InputFile[];
  plan: ExplorePlan;
  window: PhysRange;
  limits: WindowScanLimits;
}

/** Why a window scan failed, in a form that survives `postMessage` and comes back as the same kind of error. */
export type WireError =
  | { kind: 'memory'; where: 'physical' | 'file'; at: number; structure: string; reason: string }
  | { kind: 'dom'; name: string; message: string }
  | { kind: 'other'; message: string };

/** Window worker → decode worker. */
export type ScanWindowMessage =
  | { type: 'progress'; bytesScanned: number; totalBytes: number }
  | { type: 'done'; scan: PageScan }
  | { type: 'failed'; error: WireError };
