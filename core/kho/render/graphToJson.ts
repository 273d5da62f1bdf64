import { PreservedRanges } from '../maps/PreservedRanges';
import type { KhoGraph } from '../model/KhoGraph';

/** Schema version of the JSON form (docs/graph-json-schema.md). */
export const GRAPH_JSON_VERSION = 1;

/** Limits of the JSON form; the defaults keep any graph the decoder's own limits allow to a bounded text. */
export interface GraphJsonOptions {
  /**
   * Bytes of one byte array (fragment bytes, a raw value) written in full as
   * hex; a longer array is written as `{length, hex, cut}` with the hex of its
   * first `maxHexBytes` bytes (docs/graph-json-schema.md). Default 1 MiB: no
   * real KHO blob comes near it, while a `blob-size` lie of 16 MiB would
   * otherwise add 32 MB of hex per lie.
   */
  maxHexBytes?: number;
  /** About how many chars each chunk holds (default 64 Ki). */
  chunkChars?: number;
  /**
   * What a byte array is written as, instead of hex: lets a caller that
   * compares two graphs compare their bytes itself (`graphDifference`)
   * rather than as megabytes of hex.
   */
  bytesAs?: (bytes: Uint8Array) => string | object;
}

/** The default of `GraphJsonOptions.maxHexBytes`. */
export const DEFAULT_MAX_HEX_BYTES = 1024 * 1024;

const HEX_PAIRS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
/** Each byte's two hex digits as one u16 in the platform's byte order, to write two chars at once. */
const HEX_PAIR_CODES = (() => {
  const codes = new Uint16Array(256);
  const pair = new Uint8Array(codes.buffer);
  for (let byte = 0; byte < 256; byte++) {
    pair[2 * byte] = HEX_PAIRS[byte].charCodeAt(0);
    pair[2 * byte + 1] = HEX_PAIRS[byte].charCodeAt(1);
  }
  return codes;
})();
/**
 * Decodes the ASCII hex digits natively. (The "latin1" label is really
 * windows-1252, which remaps 0x80..0x9f: no hex digit is there.)
 */
const ASCII = new TextDecoder('latin1');

/** Lowercase hex of every byte, no separators (built as bytes, then one string: fast for long arrays). */
export function bytesToHex(bytes: Uint8Array): string {
  if (bytes.length < 16) {
    let text = '';
    for (const byte of bytes) text += HEX_PAIRS[byte];
    return text;
  }
  const pairs = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) pairs[i] = HEX_PAIR_CODES[bytes[i]];
  return ASCII.decode(pairs);
}

/**
 * The whole graph as JSON (docs/graph-json-schema.md, no line break at the
 * end), in chunks of text, so
 * that a caller can write it out as it is made: the text of a large graph is
 * never one string. Laid out exactly as `JSON.stringify(value, replacer, 2)`
 * would: the graph's own fields under a small envelope, every bigint as a
 * `0x…` hex string, byte arrays as hex strings (bounded by `maxHexBytes`),
 * preserved ranges as `{start, end}` lists. Numbers stay numbers (addresses
 * are below 2^53 by construction).
 */
export function* writeGraphJson(graph: KhoGraph, options: GraphJsonOptions = {}): Generator<string> {
  const maxHexBytes = options.maxHexBytes ?? DEFAULT_MAX_HEX_BYTES;
  const bytesAs = options.bytesAs ?? ((bytes: Uint8Array) => boundedHex(bytes, maxHexBytes));
  const writer = new JsonChunkWriter(bytesAs, options.chunkChars ?? 64 * 1024);
  yield* writer.value({ format: 'khoscope-graph', version: GRAPH_JSON_VERSION, ...graph }, 0);
  yield writer.take();
}

/** `writeGraphJson` as one string (for callers that hold the text anyway: tests, the edit export). */
export function graphToJson(graph: KhoGraph, options: GraphJsonOptions = {}): string {
  return [...writeGraphJson(graph, options)].join('');
}

/** An array or object being written: the container, its keys (objects only), the next member to write, its depth. */
interface OpenContainer {
  container: Readonly<Record<string, unknown>> | readonly unknown[];
  keys: string[] | null;
  next: number;
  depth: number;
  /** Whether a member has been written (objects skip some: `{}` when none is). */
  wrote: boolean;
}

/** The text that goes before the members of containers at one depth, made once per depth and key. */
interface DepthText {
  /** `\n` and the indentation of the container's closing bracket. */
  close: string;
  /** Before an array's first item, and before each later one. */
  firstItem: string;
  nextItem: string;
  /** Before an object's first member, and before each later one: the quoted key and `: ` included. */
  firstMember: Map<string, string>;
  nextMember: Map<string, string>;
}

/**
 * Serialises JSON values into text chunks. Iterative, with its own stack of
 * open containers rather than a generator per container: one generator for
 * the whole graph costs a fraction of nested ones, and a deep graph cannot
 * overflow the call stack. The punctuation, indentation and quoted key
 * before each member is one string made once per depth and key, because a
 * wide graph writes the same few dozen keys hundreds of thousands of times
 * (issue 14: building them per member was most of the writer's garbage).
 */
class JsonChunkWriter {
  #parts: string[] = [];
  #chars = 0;
  readonly #depths: DepthText[] = [];

  constructor(
    private readonly bytesAs: (bytes: Uint8Array) => string | object,
    private readonly chunkChars: number,
  ) {}

  text(text: string): void {
    this.#parts.push(text);
    this.#chars += text.length;
  }

  take(): string {
    const chunk = this.#parts.join('');
    this.#parts = [];
    this.#chars = 0;
    return chunk;
  }

  /** Writes one value at `depth` (its own line's indentation, two spaces a level); yields full chunks on the way. */
  *value(value: unknown, depth: number): Generator<string> {
    const stack: OpenContainer[] = [];
    this.#open(this.#replace(value), depth, stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const { container, keys } = top;
      const count = keys ? keys.length : (container as readonly unknown[]).length;
      if (top.next === count) {
        stack.pop();
        if (top.wrote) this.text(`${this.#depth(top.depth).close}${keys ? '}' : ']'}`);
        else this.text(keys ? '{}' : '[]');
        continue;
      }
      const at = top.next++;
      const inner = this.#depth(top.depth + 1);
      let item: unknown;
      if (keys) {
        const key = keys[at];
        item = this.#replace((container as Readonly<Record<string, unknown>>)[key]);
        // As JSON.stringify: properties that are undefined, functions or symbols are left out.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        this.text(
          memberText(top.wrote ? inner.nextMember : inner.firstMember, key, top.wrote ? ',' : '{', top.depth + 1),
        );
      } else {
        item = this.#replace((container as readonly unknown[])[at]);
        this.text(top.wrote ? inner.nextItem : inner.firstItem);
      }
      top.wrote = true;
      // As JSON.stringify: array holes, undefined and functions are null.
      if (item === undefined || typeof item === 'function') this.text('null');
      else this.#open(item, top.depth + 1, stack);
      if (this.#chars >= this.chunkChars) yield this.take();
    }
  }

  /** Writes a scalar, or pushes a container to write its members next. */
  #open(shown: unknown, depth: number, stack: OpenContainer[]): void {
    // A bigint's hex needs no escaping: quoted here, not through JSON.stringify.
    if (typeof shown === 'bigint') this.text(`"0x${shown.toString(16)}"`);
    else if (shown === null || typeof shown !== 'object') this.text(scalar(shown));
    else if (shown instanceof HexText) this.text(`"${shown.hex}"`);
    else if (Array.isArray(shown)) stack.push({ container: shown, keys: null, next: 0, depth, wrote: false });
    else
      stack.push({
        container: shown as Record<string, unknown>,
        keys: Object.keys(shown),
        next: 0,
        depth,
        wrote: false,
      });
  }

  /** The texts of one depth, made when first needed. */
  #depth(depth: number): DepthText {
    let text = this.#depths[depth];
    if (text === undefined) {
      const indent = '  '.repeat(depth);
      text = {
        close: `\n${indent}`,
        firstItem: `[\n${indent}`,
        nextItem: `,\n${indent}`,
        firstMember: new Map(),
        nextMember: new Map(),
      };
      this.#depths[depth] = text;
    }
    return text;
  }

  /** What a value is written as: the schema's forms of bytes and ranges (bigints: `#open`); anything else as it is. */
  #replace(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (value instanceof Uint8Array) return this.bytesAs(value);
    if (value instanceof PreservedRanges) return value.toArray();
    return value;
  }
}

/** The text before a member `key` at `depth` (`{` or `,` first): from `known`, or made and kept there. */
function memberText(known: Map<string, string>, key: string, before: string, depth: number): string {
  let text = known.get(key);
  if (text === undefined) {
    text = `${before}\n${'  '.repeat(depth)}${JSON.stringify(key)}: `;
    known.set(key, text);
  }
  return text;
}

/**
 * A hex string known to need no JSON escaping: written between quotes as it
 * is, where `JSON.stringify` would scan every char of a long one.
 */
class HexText {
  constructor(readonly hex: string) {}
}

/** A byte array as hex, or past `maxHexBytes` as `{length, hex, cut}` naming the limit. */
function boundedHex(bytes: Uint8Array, maxHexBytes: number): HexText | object {
  if (bytes.length <= maxHexBytes) return new HexText(bytesToHex(bytes));
  return {
    length: bytes.length,
    hex: new HexText(bytesToHex(bytes.subarray(0, maxHexBytes))),
    cut: `only the first ${maxHexBytes} of the ${bytes.length} bytes are written (graph JSON limit maxHexBytes)`,
  };
}

/** A JSON scalar as JSON.stringify writes it (non-finite numbers as null). */
function scalar(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value) ?? 'null';
}
