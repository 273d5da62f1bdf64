import { MemoryError } from '../../core/mem';
import type { OpenedSession } from './OpenedSession';

/** Most bytes one read request may ask for (the hex view and memory map read a few pages at a time). */
export const MAX_READ_BYTES = 1 << 20;

/** A read's outcome: a fresh copy of the bytes (transferable), or why not in words. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/**
 * Reads physical memory of the open image for the page. Holes, addresses
 * outside the image, images without memory and oversized requests are
 * answered in words, never thrown.
 */
export async function readSessionMemory(session: OpenedSession, address: number, length: number): Promise<ReadResult> {
  if (!session.memory) return { ok: false, message: `a ${session.info.detail} has no physical memory to read` };
  if (!Number.isSafeInteger(address) || address < 0 || !Number.isSafeInteger(length) || length < 0) {
    return { ok: false, message: `cannot read ${length} bytes at ${address}: not a valid range` };
  }
  if (length > MAX_READ_BYTES)
    return { ok: false, message: `${length} bytes is more than one read may ask for (${MAX_READ_BYTES})` };
  try {
    // A copy: the memory layer may hand out views of its caches, and the buffer is transferred.
    return { ok: true, bytes: (await session.memory.read(address, length)).slice() };
  } catch (error) {
    if (error instanceof MemoryError) return { ok: false, message: error.message };
    throw error;
  }
}
