import { buildSeedExample } from '../../core/build';
import { BytesSource, openImage } from '../../core/mem';
import { buildDemoBlob } from '../demo/buildDemoBlob';
import { BUILTIN_DEMOS, type BuiltDemoId } from '../demo/builtinDemos';
import { DEMO_FILE_NAME } from '../demo/demoFileName';
import { sessionOfImage } from './describeImage';
import type { OpenedSession } from './OpenedSession';

/**
 * Builds a demo image in the worker: the seed's worked example as physical
 * memory (core/build), or the device tree demo as a lone DTB compiled
 * from its DTS text. Both then go through the same scan and decode as files.
 */
export async function openBuiltDemo(demo: BuiltDemoId): Promise<OpenedSession> {
  const title = BUILTIN_DEMOS.find((entry) => entry.id === demo)?.title ?? demo;
  if (demo === 'fdt-demo') {
    const bytes = buildDemoBlob();
    const image = await openImage(new BytesSource(bytes, DEMO_FILE_NAME));
    return sessionOfImage(image, { name: DEMO_FILE_NAME, fileCount: 1, size: bytes.length }, 4096);
  }
  const { memory } = buildSeedExample();
  const bytes = memory.ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  return {
    target: memory,
    memory,
    info: {
      name: title,
      fileCount: 0,
      size: bytes,
      container: 'built',
      detail: 'memory image built in the page',
      pageSize: memory.pageSize,
      ranges: memory.ranges.map((range) => ({ start: range.start, end: range.end })),
      hasMemory: true,
      warnings: [],
    },
  };
}
