import { describe, expect, it } from 'vitest';
import { MemoryError, type SparseMemory } from '../../../core/mem';
import { findKhoRoots, type PageScanSettings, probePageStarts } from '../../../core/kho';
import { twoRootsMemory } from '../../testing/mainlineImage';
import { pageScannerFor } from './pageScannerFor';
import type { ScanWindowMessage, ScanWindowRequest } from './protocol';
import { serveScanWindow } from './serveScanWindow';
import { fromWireError, toWireError } from './wireError';
import { workerWindowScan, type WindowWorker } from './workerWindowScan';

/** The bytes of `memory` from physical 0 to its end, as a raw dump file. */
function rawFile(memory: SparseMemory, name: string): File {
  const end = memory.ranges[memory.ranges.length - 1].end;
  const bytes = new Uint8Array(end);
  for (const range of memory.ranges) bytes.set(memory.readSync(range.start, range.end - range.start), range.start);
  return new File([bytes], name);
}

/** Workers that run `serveScanWindow` in this thread, recording what they were asked and whether they were terminated. */
function inThreadWorkers() {
  const started: Array<{ request: ScanWindowRequest | null; terminated: boolean }> = [];
  const start = (): WindowWorker => {
    const record = { request: null as ScanWindowRequest | null, terminated: false };
    started.push(record);
    const worker: WindowWorker = {
      onmessage: null,
      onerror: null,
      postMessage: (request) => {
        record.request = request;
        void serveScanWindow(structuredClone(request), (message) => {
          if (!record.terminated) worker.onmessage?.({ data: structuredClone(message) });
        });
      },
      terminate: () => {
        record.terminated = true;
      },
    };
    return worker;
  };
  return { started, start };
}

/** A worker that answers every request with `answer` (or never, when null). */
function scriptedWorker(answer: ScanWindowMessage | null, log: { terminated: number }): () => WindowWorker {
  return () => {
    const worker: WindowWorker = {
      onmessage: null,
      onerror: null,
      postMessage: () => {
        if (answer) queueMicrotask(() => worker.onmessage?.({ data: answer }));
      },
      terminate: () => {
        log.terminated++;
      },
    };
    return worker;
  };
}

const SETTINGS: PageScanSettings = { pageSize: 4096, chunkBytes: 64 * 1024, maxHits: 100, readAhead: 2 };

describe('window scans in workers', () => {
  it('find in each window what a scan in this thread finds, one terminated worker per window', async () => {
    const memory = twoRootsMemory();
    const file = rawFile(memory, 'two-roots.raw');
    const workers = inThreadWorkers();
    const scanWindow = workerWindowScan('two-roots.raw', [{ file, path: 'two-roots.raw' }], {}, workers.start);
    const windowBytes = 0x10_0000;
    const scanner = pageScannerFor(memory, scanWindow, windowBytes);
    expect(scanner).toBeDefined();
    const progress: number[] = [];
    const windowed = await scanner!(memory, { ...SETTINGS, onProgress: (p) => progress.push(p.bytesScanned) });
    expect(windowed).toEqual(await probePageStarts(memory, SETTINGS));
    expect(windowed.hits.length).toBeGreaterThanOrEqual(2);
    const ram = memory.ranges.reduce((sum, r) => sum + r.end - r.start, 0);
    expect(workers.started).toHaveLength(Math.ceil(ram / windowBytes));
    expect(workers.started.every((worker) => worker.terminated)).toBe(true);
    expect(workers.started.map((worker) => worker.request?.window.start)).toEqual(
      workers.started.map((_, i) => memory.ranges[0].start + i * windowBytes),
    );
    expect(progress[progress.length - 1]).toBe(windowed.totalBytes);
    // Root discovery on top of it ranks the same roots.
    const found = await findKhoRoots(memory, { pageScanner: scanner });
    expect(found.candidates.map((c) => c.address)).toEqual(
      (await findKhoRoots(memory)).candidates.map((c) => c.address),
    );
  });

  it('scan in this thread when the image fits one window or no window scan is offered', () => {
    const memory = twoRootsMemory();
    const scanWindow = workerWindowScan('x', [], {}, inThreadWorkers().start);
    expect(pageScannerFor(memory, scanWindow)).toBeUndefined();
    expect(pageScannerFor(memory, undefined, 4096)).toBeUndefined();
  });

  it('come back with the window worker’s error as the same kind of error', async () => {
    const log = { terminated: 0 };
    const failure = new MemoryError('file', 0x1234, 'ELF program header 2', 'points past the end of the file');
    const scanWindow = workerWindowScan(
      'x',
      [],
      {},
      scriptedWorker({ type: 'failed', error: toWireError(failure) }, log),
    );
    const error = await scanWindow({ start: 0, end: 4096 }, SETTINGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryError);
    expect(error).toMatchObject({
      where: 'file',
      at: 0x1234,
      structure: 'ELF program header 2',
      reason: 'points past the end of the file',
    });
    expect(log.terminated).toBe(1);
  });

  it('say so when the window worker itself fails', async () => {
    let worker: WindowWorker | null = null;
    const scanWindow = workerWindowScan('x', [], {}, () => {
      worker = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
      return worker;
    });
    const pending = scanWindow({ start: 0, end: 4096 }, SETTINGS);
    worker!.onerror?.({ message: 'SyntaxError: bad module', preventDefault: () => undefined });
    await expect(pending).rejects.toThrow('the scan worker stopped: SyntaxError: bad module');
  });

  it('terminate the running worker when cancelled', async () => {
    const log = { terminated: 0 };
    const controller = new AbortController();
    const pending = workerWindowScan(
      'x',
      [],
      {},
      scriptedWorker(null, log),
    )({ start: 0, end: 4096 }, { ...SETTINGS, signal: controller.signal });
    controller.abort(new DOMException('Opening was cancelled', 'AbortError'));
    await expect(pending).rejects.toThrow('Opening was cancelled');
    expect(log.terminated).toBe(1);
    await expect(
      workerWindowScan(
        'x',
        [],
        {},
        scriptedWorker(null, log),
      )({ start: 0, end: 4096 }, { ...SETTINGS, signal: controller.signal }),
    ).rejects.toThrow('Opening was cancelled');
    expect(log.terminated).toBe(1);
  });

  it('report a window that cannot be opened in words', async () => {
    const messages: ScanWindowMessage[] = [];
    await serveScanWindow(
      {
        label: 'empty.raw',
        files: [{ file: new File([], 'empty.raw'), path: 'empty.raw' }],
        plan: {},
        window: { start: 0, end: 4096 },
        limits: SETTINGS,
      },
      (m) => messages.push(m),
    );
    expect(messages).toEqual([
      {
        type: 'failed',
        error: { kind: 'memory', where: 'file', at: 0, structure: 'empty.raw', reason: 'the file is empty' },
      },
    ]);
  });
});

describe('wire errors', () => {
  it('keep the kind of error across postMessage', () => {
    const dom = fromWireError(structuredClone(toWireError(new DOMException('gone', 'NotReadableError'))));
    expect(dom).toBeInstanceOf(DOMException);
    expect(dom).toMatchObject({ name: 'NotReadableError', message: 'gone' });
    expect(fromWireError(toWireError(new TypeError('x is undefined'))).message).toBe('x is undefined');
    expect(fromWireError(toWireError('a string')).message).toBe('a string');
  });
});
