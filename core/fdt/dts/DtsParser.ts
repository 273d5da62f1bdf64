import type { MemoryReservation } from '../FdtDocument';
import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';
import { DtsLexer } from './DtsLexer';
import { DtsNodeFinder } from './DtsNodeFinder';
import type { DtsParseLimits } from './DtsParseOptions';
import { DtsSourceNode, addSourceLabel } from './DtsSourceTree';
import type { DtsSourceLabel, DtsSourceProperty } from './DtsSourceTree';
import { emptySourceValue, sourceValueBytes } from './DtsSourceValue';
import type { DtsSourceValue } from './DtsSourceValue';
import { describeDtsToken } from './DtsToken';
import type { DtsToken, DtsTokenCursor, DtsTokenKind } from './DtsToken';
import { parseDtsIntegerPrimary } from './parseDtsIntegerExpression';

/** What the grammar yields before dtc's checks and reference fixups run. */
export interface DtsSourceFile {
  memoryReservations: MemoryReservation[];
  root: DtsSourceNode;
  /** dtc's guess: the `reg` of the first node under `/cpus`, if it is one cell. */
  bootCpuidPhys: number;
  /** The finder over `root`, reused by the fixups so one step budget covers the whole parse. */
  finder: DtsNodeFinder;
}

/** Labels and `/omit-if-no-ref/` written before a node or property. */
interface Prefix {
  labels: string[];
  omit: DtsToken | undefined;
}

/**
 * dtc 1.6.1's DTS grammar (dtc-parser.y) as a recursive-descent parser:
 * `/dts-v1/;` headers, `/memreserve/` entries, then root blocks `/ { ... };`
 * (merged into one tree), `&ref { ... };` amendments, and top-level
 * `/delete-node/ &ref;` and `/omit-if-no-ref/ &ref;`. Node bodies hold
 * properties first, then child nodes, with `/delete-property/`,
 * `/delete-node/`, `/omit-if-no-ref/` and labels. Values are comma-joined
 * strings, `<cells>` (with `/bits/`, expressions and `&ref` phandles),
 * `[bytes]` and `&ref` paths. `/plugin/`, `/include/` and `/incbin/` are
 * refused: they need overlays or files. As an extension, labels may precede
 * `/ {` (dtc prints root labels that way but does not read them back).
 */
export class DtsParser implements DtsTokenCursor {
  readonly #lexer: DtsLexer;
  readonly #limits: DtsParseLimits;
  #next: DtsToken;

  constructor(text: string, limits: DtsParseLimits) {
    this.#lexer = new DtsLexer(text);
    this.#limits = limits;
    this.#next = this.#lexer.next();
  }

  /** @inheritDoc */
  peek(): DtsToken {
    return this.#next;
  }

  /** @inheritDoc */
  take(): DtsToken {
    const token = this.#next;
    if (token.kind !== 'end') this.#next = this.#lexer.next();
    return token;
  }

  /** Parses the whole text. Throws `DtsError` at the first problem. */
  parse(): DtsSourceFile {
    this.#headers();
    const memoryReservations: MemoryReservation[] = [];
    let root: DtsSourceNode | undefined;
    let finder: DtsNodeFinder | undefined;
    for (;;) {
      const labels = this.#labels();
      const token = this.peek();
      if (token.kind === 'memreserve') {
        if (root) throw new DtsError(token.at, '/memreserve/ must come before the first node');
        memoryReservations.push(this.#memoryReservation());
      } else if (this.#isPunct(token, '/')) {
        this.take();
        const block = this.#nodeBody('', token.at, 0);
        applyLabels(block.labels, labels);
        if (root && finder) {
          root.merge(block);
          finder.invalidate();
        } else {
          root = block;
          finder = new DtsNodeFinder(root, this.#limits.maxLookupSteps);
        }
      } else if (token.kind === 'end') {
        if (labels.length > 0) throw new DtsError(token.at, 'a label must be followed by a node or /memreserve/');
        if (!root || !finder) throw new DtsError(token.at, "the text defines no root node ('/ { ... };')");
        return { memoryReservations, root, bootCpuidPhys: guessBootCpuid(root, finder), finder };
      } else if (root && finder) {
        this.#topLevelReference(labels, finder);
      } else if (token.kind === 'ref') {
        throw new DtsError(token.at, `label or path '${token.value}' not found: no node is defined before it`);
      } else {
        throw new DtsError(
          token.at,
          `expected '/ {' (the root node) or /memreserve/, found ${describeDtsToken(token)}`,
        );
      }
    }
  }

  /** One or more `/dts-v1/;` lines. */
  #headers(): void {
    const first = this.peek();
    if (first.kind !== 'dts-v1') {
      throw new DtsError(
        first.at,
        `expected '/dts-v1/;' first (only version 1 DTS exists), found ${describeDtsToken(first)}`,
      );
    }
    while (this.peek().kind === 'dts-v1') {
      this.take();
      this.#expectPunct(';', "after '/dts-v1/'");
      const plugin = this.peek();
      if (plugin.kind === 'plugin') {
        throw new DtsError(plugin.at, '/plugin/ (device tree overlays) is not supported');
      }
    }
  }

  /** `/memreserve/ ADDRESS SIZE;` (two integer expressions). */
  #memoryReservation(): MemoryReservation {
    this.take();
    const address = parseDtsIntegerPrimary(this, this.#limits.maxExpressionDepth);
    const sizeToken = this.peek();
    const size = parseDtsIntegerPrimary(this, this.#limits.maxExpressionDepth);
    if (size === 0n) {
      // dtc writes it, but in a blob a zero size ends the list: the entry and all after it would be lost.
      throw new DtsError(
        sizeToken.at,
        'a /memreserve/ entry of size 0 cannot be stored (it would end the list in the blob)',
      );
    }
    this.#expectPunct(';', 'after a /memreserve/ entry');
    return { address, size };
  }

  /** After the first root block: `&ref { ... };`, `/delete-node/ &ref;` or `/omit-if-no-ref/ &ref;`. */
  #topLevelReference(labels: string[], finder: DtsNodeFinder): void {
    const token = this.take();
    if (token.kind === 'ref') {
      if (labels.length > 1)
        throw new DtsError(token.at, `only one label may precede a '&reference { ... }' block (dtc's grammar)`);
      const target = this.#findTarget(token, finder);
      const block = this.#nodeBody('', token.at, target.depth());
      applyLabels(target.labels, labels);
      target.merge(block);
      finder.invalidate();
      return;
    }
    if (labels.length > 0)
      throw new DtsError(token.at, `a label must be followed by a node, found ${describeDtsToken(token)}`);
    if (token.kind !== 'delete-node' && token.kind !== 'omit-if-no-ref') {
      throw new DtsError(
        token.at,
        `expected '/ {', '&reference {', /delete-node/ or /omit-if-no-ref/, found ${describeDtsToken(token)}`,
      );
    }
    const reference = this.#expect('ref', `after ${token.text} at the top level (it takes a &label or &{/path})`);
    this.#expectPunct(';', `after ${token.text} ${reference.text}`);
    const target = this.#findTarget(reference, finder);
    if (token.kind === 'delete-node') {
      target.markDeleted();
      finder.invalidate();
    } else {
      target.omitIfUnreferenced = true;
    }
  }

  #findTarget(reference: DtsToken, finder: DtsNodeFinder): DtsSourceNode {
    const target = finder.find(reference.value, reference.at);
    if (!target) throw new DtsError(reference.at, `label or path '${reference.value}' not found`);
    return target;
  }

  /** `{ properties... children... };` — a fresh node; `depth` is its depth in the final tree. */
  #nodeBody(name: string, at: DtsPosition, depth: number): DtsSourceNode {
    const node = new DtsSourceNode(name, at);
    this.#expectPunct('{', name === '' ? 'to open the node' : `after the node name '${name}'`);
    let childSeen = false;
    for (;;) {
      const token = this.peek();
      if (this.#isPunct(token, '}')) {
        this.take();
        this.#expectPunct(';', "after '}' (a node ends with '};')");
        return node;
      }
      const prefix = this.#prefix();
      const head = this.take();
      if (head.kind === 'delete-node') {
        const child = new DtsSourceNode(this.#expect('name', 'after /delete-node/').value, head.at);
        this.#expectPunct(';', `after /delete-node/ ${child.name}`);
        child.deleted = true;
        this.#applyPrefix(child, prefix);
        node.addChild(child);
        childSeen = true;
      } else if (head.kind === 'delete-property') {
        const nameToken = this.#expect('name', 'after /delete-property/');
        this.#expectPunct(';', `after /delete-property/ ${nameToken.value}`);
        this.#checkPropertyPlace(prefix, nameToken, childSeen);
        node.addProperty(property(nameToken, emptySourceValue(), prefix.labels, true));
      } else if (head.kind === 'name') {
        const after = this.peek();
        if (this.#isPunct(after, '{')) {
          if (depth + 1 > this.#limits.maxDepth) {
            throw new DtsError(head.at, `nodes nest deeper than ${this.#limits.maxDepth} levels (maxDepth)`);
          }
          const child = this.#nodeBody(head.value, head.at, depth + 1);
          this.#applyPrefix(child, prefix);
          node.addChild(child);
          childSeen = true;
        } else if (this.#isPunct(after, '=') || this.#isPunct(after, ';')) {
          this.#checkPropertyPlace(prefix, head, childSeen);
          this.take();
          const value = this.#isPunct(after, '=') ? this.#propertyValue(head.value) : emptySourceValue();
          if (this.#isPunct(after, '=')) this.#expectPunct(';', `after the value of property '${head.value}'`);
          node.addProperty(property(head, value, prefix.labels, false));
        } else {
          throw new DtsError(
            after.at,
            `expected '=', ';' or '{' after the name '${head.value}', found ${describeDtsToken(after)}`,
          );
        }
      } else {
        throw new DtsError(head.at, `expected a property, a child node or '}', found ${describeDtsToken(head)}`);
      }
    }
  }

  /** Labels and `/omit-if-no-ref/` before a node or property, in any order. */
  #prefix(): Prefix {
    const prefix: Prefix = { labels: [], omit: undefined };
    for (;;) {
      const token = this.peek();
      if (token.kind === 'label') prefix.labels.push(this.take().value);
      else if (token.kind === 'omit-if-no-ref') prefix.omit = this.take();
      else return prefix;
    }
  }

  #applyPrefix(node: DtsSourceNode, prefix: Prefix): void {
    applyLabels(node.labels, prefix.labels);
    if (prefix.omit) node.omitIfUnreferenced = true;
  }

  #checkPropertyPlace(prefix: Prefix, name: DtsToken, childSeen: boolean): void {
    if (prefix.omit) throw new DtsError(prefix.omit.at, '/omit-if-no-ref/ applies to nodes, not to properties');
    if (childSeen) {
      throw new DtsError(
        name.at,
        `properties must come before child nodes (property '${name.value}' follows a child node)`,
      );
    }
  }

  #labels(): string[] {
    const labels: string[] = [];
    while (this.peek().kind === 'label') labels.push(this.take().value);
    return labels;
  }

  /** Comma-joined pieces, each optionally labelled: strings, `<cells>`, `[bytes]`, `&ref` paths. */
  #propertyValue(name: string): DtsSourceValue {
    const value = emptySourceValue();
    for (;;) {
      value.labels.push(...this.#labels());
      const token = this.take();
      if (token.kind === 'string') {
        value.chunks.push({ kind: 'bytes', bytes: token.bytes });
      } else if (token.kind === 'bits' || this.#isPunct(token, '<')) {
        this.#cells(token, value);
      } else if (this.#isPunct(token, '[')) {
        this.#bytes(value);
      } else if (token.kind === 'ref') {
        value.chunks.push({ kind: 'path', ref: token.value, at: token.at });
      } else if (token.kind === 'incbin') {
        throw new DtsError(token.at, '/incbin/ is not supported: the parser reads no files');
      } else {
        throw new DtsError(
          token.at,
          `expected a value for property '${name}' (a "string", <cells>, [bytes] or &reference), found ${describeDtsToken(token)}`,
        );
      }
      value.labels.push(...this.#labels());
      if (!this.#isPunct(this.peek(), ',')) return value;
      this.take();
    }
  }

  /** `<...>` or `/bits/ N <...>` after its first token: numbers and expressions, `&ref` phandles, labels. */
  #cells(first: DtsToken, value: DtsSourceValue): void {
    let bits = 32;
    if (first.kind === 'bits') {
      const size = this.#expect('integer', 'after /bits/ (8, 16, 32 or 64)');
      if (![8n, 16n, 32n, 64n].includes(size.integer)) {
        throw new DtsError(size.at, `array elements must be 8, 16, 32 or 64 bits, not ${size.text}`);
      }
      bits = Number(size.integer);
      this.#expectPunct('<', `after /bits/ ${size.text}`);
    }
    const pending: number[] = [];
    const flush = (): void => {
      if (pending.length > 0) value.chunks.push({ kind: 'bytes', bytes: Uint8Array.from(pending) });
      pending.length = 0;
    };
    for (;;) {
      const token = this.peek();
      if (this.#isPunct(token, '>')) {
        this.take();
        flush();
        return;
      }
      if (token.kind === 'label') {
        value.labels.push(this.take().value);
      } else if (token.kind === 'ref') {
        this.take();
        if (bits !== 32) throw new DtsError(token.at, 'references are only allowed in arrays with 32-bit elements');
        flush();
        value.chunks.push({ kind: 'phandle', ref: token.value, at: token.at });
      } else {
        const element = parseDtsIntegerPrimary(this, this.#limits.maxExpressionDepth);
        pushElement(pending, checkedElement(element, bits, token.at), bits);
      }
    }
  }

  /** `[...]` after the `[`: pairs of hex digits and labels. */
  #bytes(value: DtsSourceValue): void {
    const bytes: number[] = [];
    for (;;) {
      const token = this.take();
      if (token.kind === 'byte') bytes.push(Number(token.integer));
      else if (token.kind === 'label') value.labels.push(token.value);
      else if (this.#isPunct(token, ']')) break;
      else
        throw new DtsError(
          token.at,
          `expected two hex digits or ']' in a byte string, found ${describeDtsToken(token)}`,
        );
    }
    value.chunks.push({ kind: 'bytes', bytes: Uint8Array.from(bytes) });
  }

  #isPunct(token: DtsToken, text: string): boolean {
    return token.kind === 'punct' && token.value === text;
  }

  #expectPunct(text: string, where: string): DtsToken {
    const token = this.take();
    if (!this.#isPunct(token, text))
      throw new DtsError(token.at, `expected '${text}' ${where}, found ${describeDtsToken(token)}`);
    return token;
  }

  #expect(kind: DtsTokenKind, where: string): DtsToken {
    const token = this.take();
    if (token.kind !== kind) {
      const wanted = kind === 'name' ? 'a name' : kind === 'ref' ? 'a &reference' : 'a number';
      throw new DtsError(token.at, `expected ${wanted} ${where}, found ${describeDtsToken(token)}`);
    }
    return token;
  }
}

function property(name: DtsToken, value: DtsSourceValue, labels: string[], deleted: boolean): DtsSourceProperty {
  const result: DtsSourceProperty = { name: name.value, value, labels: [], deleted, at: name.at };
  applyLabels(result.labels, labels);
  return result;
}

/** Labels written `a: b: x` end up listed a, b: dtc adds the innermost first, each to the front. */
function applyLabels(target: DtsSourceLabel[], labels: readonly string[]): void {
  for (let i = labels.length - 1; i >= 0; i--) addSourceLabel(target, labels[i]);
}

const U64_MAX = (1n << 64n) - 1n;

/**
 * dtc's range rule for array elements: a value fits if it has no bits above
 * the element size, or if all of them are set (a negative number written as
 * `(-1)`); it is then cut to the element size.
 */
function checkedElement(element: bigint, bits: number, at: DtsPosition): bigint {
  if (bits === 64) return element;
  const mask = (1n << BigInt(bits)) - 1n;
  if (element > mask && (element | mask) !== U64_MAX) {
    throw new DtsError(at, `value 0x${element.toString(16)} does not fit in a ${bits}-bit array element`);
  }
  return element & mask;
}

function pushElement(bytes: number[], element: bigint, bits: number): void {
  for (let shift = bits - 8; shift >= 0; shift -= 8) bytes.push(Number((element >> BigInt(shift)) & 0xffn));
}

/** dtc's `guess_boot_cpuid`, on the tree as parsed (before references are filled in). */
function guessBootCpuid(root: DtsSourceNode, finder: DtsNodeFinder): number {
  const cpus = finder.find('/cpus', root.at);
  const first = cpus?.children[0];
  const reg = first?.liveProperty('reg');
  if (!reg) return 0;
  const bytes = sourceValueBytes(reg.value);
  if (bytes.length !== 4) return 0;
  return ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
}
