import { MemoryError } from '../../../core/mem';
import type { WireError } from './protocol';

/** An error as plain data for `postMessage` (a `MemoryError` keeps its place; a `DOMException` its name). */
export function toWireError(error: unknown): WireError {
  if (error instanceof MemoryError)
    return { kind: 'memory', where: error.where, at: error.at, structure: error.structure, reason: error.reason };
  if (error instanceof DOMException) return { kind: 'dom', name: error.name, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

/** The error `toWireError` was given, rebuilt as the same kind, so the open screen words it the same way. */
export function fromWireError(wire: WireError): Error {
  switch (wire.kind) {
    case 'memory':
      return new MemoryError(wire.where, wire.at, wire.structure, wire.reason);
    case 'dom':
      return new DOMException(wire.message, wire.name);
    case 'other':
      return new Error(wire.message);
  }
}
