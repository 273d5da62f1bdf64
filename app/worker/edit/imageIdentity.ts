import type { KhoGraph } from '../../../core/kho';
import type { PhysicalMemory } from '../../../core/mem';

/** What identifies an image for its saved edits. */
export interface IdentityInput {
  /** The file's (or demo's) name and size in bytes. */
  name: string;
  size: number;
  /** The first page of the file (or of memory, for an image built in the page). */
  firstPage: Uint8Array;
}

/**
 * The identity saved edits are keyed by: name, size, and a SHA-256 over the
 * image's first page and the page of every KHO root (`name|size|hash`).
 * Cheap (a few pages), and an image rewritten under the same name, whose
 * KHO tree is elsewhere or different, gets another identity.
 */
export async function imageIdentity(input: IdentityInput, memory: PhysicalMemory, graph: KhoGraph): Promise<string> {
  const parts: Uint8Array[] = [input.firstPage];
  for (const root of graph.roots) {
    if (root.address === null) continue;
    const page = root.address - (root.address % graph.source.pageSize);
    parts.push(await memory.read(page, graph.source.pageSize));
  }
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
  const hash = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${input.name}|${input.size}|${hash}`;
}
