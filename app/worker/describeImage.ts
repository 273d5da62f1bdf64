import type { OpenedImage } from '../../core/mem';
import type { ImageInfo } from '../model/ImageInfo';
import type { OpenedSession } from './OpenedSession';

/** What the user gave: a name for the top bar, how many files, and their total size. */
export interface InputSummary {
  name: string;
  fileCount: number;
  size: number;
}

/** The worker's session for an image `openImage` returned, with its description for the page. */
export function sessionOfImage(image: OpenedImage, input: InputSummary, fallbackPageSize: number): OpenedSession {
  const common = { name: input.name, fileCount: input.fileCount, size: input.size, warnings: [...image.warnings] };
  if (image.kind === 'debugfs') {
    const info: ImageInfo = {
      ...common,
      container: 'debugfs',
      detail: `debugfs blob set (${image.files.length} files)`,
      pageSize: fallbackPageSize,
      ranges: [],
      hasMemory: false,
    };
    return { target: image, memory: null, info };
  }
  if (image.kind === 'dtb') {
    const info: ImageInfo = {
      ...common,
      container: 'dtb',
      detail: 'lone device tree blob',
      pageSize: fallbackPageSize,
      ranges: [],
      hasMemory: false,
    };
    return { target: image, memory: null, info };
  }
  const info: ImageInfo = {
    ...common,
    container: image.container,
    detail: containerDetail(image),
    pageSize: image.pageSize,
    ranges: image.memory.ranges.map((range) => ({ start: range.start, end: range.end })),
    hasMemory: true,
  };
  return { target: image, memory: image.memory, info };
}

function containerDetail(image: Extract<OpenedImage, { kind: 'memory' }>): string {
  switch (image.container) {
    case 'raw':
      return image.base === 0 ? 'raw memory dump' : `raw memory dump from 0x${image.base.toString(16)}`;
    case 'elf':
      return image.flattened ? 'ELF core (makedumpfile flattened)' : 'ELF core';
    case 'kdump':
      return image.flattened ? 'kdump (makedumpfile flattened)' : 'kdump-compressed';
  }
}
