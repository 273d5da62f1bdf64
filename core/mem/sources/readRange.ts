import type { ByteSource } from '../ByteSource';
import { MemoryError } from '../MemoryError';

/**
 * The part of [offset, offset + length) that exists in a source of `size`
 * bytes, as [start, end). Rejects offsets and lengths that are not
 * non-negative safe integers, so every source agrees on what a bad request is.
 */
export function clampRead(name: string, size: number, offset: number, length: number): [number, number] {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new MemoryError(
      'file',
      Number.isFinite(offset) ? Math.max(0, Math.trunc(offset)) : 0,
      `byte source ${name}`,
      `read offset ${offset} is not a non-negative integer`,
    );
  }
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new MemoryError('file', offset, `byte source ${name}`, `read length ${length} is not a non-negative integer`);
  }
  const start = Math.min(offset, size);
  return [start, Math.min(size, start + length)];
}

/**
 * Bytes [offset, offset + target.length) of `source` written into `target`;
 * resolves to how many exist (fewer at the end of the source). Uses the
 * source's own `readInto` when it has one (no intermediate array), else
 * `read` plus one copy.
 */
export async function readSourceInto(source: ByteSource, offset: number, target: Uint8Array): Promise<number> {
  if (source.readInto) return source.readInto(offset, target);
  const bytes = await source.read(offset, target.length);
  target.set(bytes);
  return bytes.length;
}

/**
 * What a read is for, in words, for its error: a string, or a function that
 * makes it, for reads done per page whose name would be built only to be
 * thrown away.
 */
export type StructureName = string | (() => string);

/**
 * Reads exactly `length` bytes at `offset`, or throws a `MemoryError` naming
 * `structure`: the file is shorter than the structure says (a truncated or
 * lying image).
 */
export async function readFully(
  source: ByteSource,
  offset: number,
  length: number,
  structure: StructureName,
): Promise<Uint8Array> {
  assertInside(source, offset, length, structure);
  const bytes = await source.read(offset, length);
  if (bytes.length !== length) throw shortRead(source, offset, bytes.length, length, structure);
  return bytes;
}

/** `readFully` into the caller's `target` (all of it), with the same errors. */
export async function readFullyInto(
  source: ByteSource,
  offset: number,
  target: Uint8Array,
  structure: StructureName,
): Promise<void> {
  assertInside(source, offset, target.length, structure);
  const count = await readSourceInto(source, offset, target);
  if (count !== target.length) throw shortRead(source, offset, count, target.length, structure);
}

function assertInside(source: ByteSource, offset: number, length: number, structure: StructureName): void {
  if (offset + length > source.size) {
    throw new MemoryError(
      'file',
      offset,
      nameOf(structure),
      `needs ${length} bytes but ${source.name} ends at 0x${source.size.toString(16)} (truncated file or wrong size field)`,
    );
  }
}

function shortRead(
  source: ByteSource,
  offset: number,
  count: number,
  length: number,
  structure: StructureName,
): MemoryError {
  return new MemoryError('file', offset, nameOf(structure), `read ${count} of ${length} bytes from ${source.name}`);
}

function nameOf(structure: StructureName): string {
  return typeof structure === 'string' ? structure : structure();
}
