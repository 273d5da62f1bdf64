import type { OpenedImage, PhysicalMemory } from '../../core/mem';
import type { WindowScan } from '../../core/kho';
import type { ImageInfo } from '../model/ImageInfo';

/**
 * An image the worker has open: what to decode (`target`, as
 * `decodeKhoGraph` takes it), its physical memory for scans and `read`
 * requests (null for a blob set or a lone DTB), and its description.
 */
export interface OpenedSession {
  target: OpenedImage | PhysicalMemory;
  memory: PhysicalMemory | null;
  info: ImageInfo;
  /** Scans a window of `memory` elsewhere (a worker of its own), for big images; absent: scan here. */
  scanWindow?: WindowScan;
}
