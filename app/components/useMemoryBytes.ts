import { useEffect, useState } from 'react';
import type { ReadMemory } from '../model/Selection';

/** Bytes of physical memory being read, read, or why not. */
export type MemoryBytes =
  | { state: 'loading' }
  | { state: 'ready'; bytes: Uint8Array }
  | { state: 'failed'; message: string };

/** Reads `length` bytes at `address` through the worker; re-reads when either changes. */
export function useMemoryBytes(readMemory: ReadMemory | null, address: number, length: number): MemoryBytes {
  const [result, setResult] = useState<MemoryBytes>({ state: 'loading' });
  useEffect(() => {
    if (!readMemory) {
      setResult({ state: 'failed', message: 'this image has no physical memory' });
      return;
    }
    let live = true;
    setResult({ state: 'loading' });
    readMemory(address, length).then(
      (bytes) => live && setResult({ state: 'ready', bytes }),
      (error: unknown) =>
        live && setResult({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [readMemory, address, length]);
  return result;
}
