import { DtsError } from './DtsError';
import type { DtsPosition } from './DtsError';
import type { DtsToken, DtsTokenKind } from './DtsToken';
import { decodeDtsEscapes } from './decodeDtsEscapes';

/**
 * dtc's lexer start conditions. `initial` (before `/dts-v1/`) knows no
 * numbers; `v1` is the default; `propnodename` follows `{`, `;` and the
 * `/delete-...` keywords, where a word is a node or property name (so `1` or
 * `#size-cells` is a name there, not a number); `bytestring` is inside `[...]`.
 */
type LexerState = 'initial' | 'v1' | 'propnodename' | 'bytestring';

/** Keywords, each with the token it makes and the state it leaves the lexer in. */
const KEYWORDS: readonly { text: string; kind: DtsTokenKind; next?: LexerState }[] = [
  { text: '/dts-v1/', kind: 'dts-v1', next: 'v1' },
  { text: '/plugin/', kind: 'plugin', next: 'v1' },
  { text: '/memreserve/', kind: 'memreserve', next: 'v1' },
  { text: '/bits/', kind: 'bits', next: 'v1' },
  { text: '/delete-property/', kind: 'delete-property', next: 'propnodename' },
  { text: '/delete-node/', kind: 'delete-node', next: 'propnodename' },
  { text: '/omit-if-no-ref/', kind: 'omit-if-no-ref', next: 'propnodename' },
];

const OPERATORS = ['<<', '>>', '<=', '>=', '==', '!=', '&&', '||'];

const U64_MAX = (1n << 64n) - 1n;

/** The `bytes` of every token but strings. */
const EMPTY = new Uint8Array(0);

function isLabelStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isLabelChar(c: number): boolean {
  return isLabelStart(c) || (c >= 0x30 && c <= 0x39);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** dtc's PROPNODECHAR: `[a-zA-Z0-9,._+*#?@-]`. */
function isNameChar(c: number): boolean {
  return isLabelChar(c) || ',.+*#?@-'.includes(String.fromCharCode(c));
}

/** C-locale `isspace`. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** One rule match: which rule, how long, and (for keywords) which keyword. */
interface Match {
  rule: Rule;
  length: number;
  keyword?: (typeof KEYWORDS)[number];
}

type Rule =
  | 'include'
  | 'line-marker'
  | 'string'
  | 'keyword'
  | 'label'
  | 'integer'
  | 'char'
  | 'label-ref'
  | 'path-ref'
  | 'byte'
  | 'close-bracket'
  | 'name'
  | 'incbin'
  | 'space'
  | 'comment'
  | 'line-comment'
  | 'operator'
  | 'any';

/**
 * The DTS tokenizer: dtc 1.6.1's flex rules, applied the flex way (the
 * longest match wins, ties go to the earlier rule) with dtc's start
 * conditions, so text splits into tokens exactly where dtc splits it. Comments,
 * white space and cpp line markers (`# 12 "file.dts"`) are skipped.
 * Throws `DtsError` for malformed literals and for things no DTS parser
 * could use (an unterminated string or comment, `/include/`).
 */
export class DtsLexer {
  readonly #text: string;
  #pos = 0;
  #line = 1;
  #lineStart = 0;
  #state: LexerState = 'initial';

  constructor(text: string) {
    this.#text = text;
  }

  /** The next token; at the end of the text, an `end` token (again on every call). */
  next(): DtsToken {
    for (;;) {
      const at = this.#position();
      if (this.#pos >= this.#text.length) return this.#token('end', '', at);
      const match = this.#longestMatch();
      const text = this.#text.slice(this.#pos, this.#pos + match.length);
      this.#advance(match.length);
      const token = this.#makeToken(match, text, at);
      if (token) return token;
    }
  }

  #position(): DtsPosition {
    return { line: this.#line, column: this.#pos - this.#lineStart + 1 };
  }

  #advance(length: number): void {
    const end = this.#pos + length;
    for (let i = this.#pos; i < end; i++) {
      if (this.#text.charCodeAt(i) === 0x0a) {
        this.#line++;
        this.#lineStart = i + 1;
      }
    }
    this.#pos = end;
  }

  #token(kind: DtsTokenKind, text: string, at: DtsPosition, value = ''): DtsToken {
    return { kind, text, at, value, integer: 0n, bytes: EMPTY };
  }

  /** Every rule that can start here, in dtc's rule order; the longest wins, the first on a tie. */
  #longestMatch(): Match {
    const state = this.#state;
    const candidates: Match[] = [
      { rule: 'include', length: this.#matchInclude() },
      { rule: 'line-marker', length: this.#matchLineMarker() },
      { rule: 'string', length: this.#matchString(this.#pos) },
      this.#matchKeyword(),
      { rule: 'label', length: this.#matchLabelColon() },
      { rule: 'integer', length: state === 'v1' ? this.#matchInteger() : 0 },
      { rule: 'char', length: this.#matchCharLiteral() },
      { rule: 'label-ref', length: this.#matchLabelRef() },
      { rule: 'path-ref', length: this.#matchPathRef() },
      { rule: 'byte', length: state === 'bytestring' ? this.#matchByte() : 0 },
      { rule: 'close-bracket', length: state === 'bytestring' && this.#at(0) === 0x5d ? 1 : 0 },
      { rule: 'name', length: state === 'propnodename' ? this.#matchName() : 0 },
      { rule: 'incbin', length: state !== 'bytestring' && this.#startsWith('/incbin/') ? 8 : 0 },
      { rule: 'space', length: this.#matchSpace() },
      { rule: 'comment', length: this.#matchComment() },
      { rule: 'line-comment', length: this.#matchLineComment() },
      { rule: 'operator', length: OPERATORS.some((op) => this.#startsWith(op)) ? 2 : 0 },
      { rule: 'any', length: this.#at(0) === 0x0a ? 0 : 1 },
    ];
    let best = candidates[0];
    for (const candidate of candidates) if (candidate.length > best.length) best = candidate;
    return best;
  }

  #makeToken(match: Match, text: string, at: DtsPosition): DtsToken | undefined {
    switch (match.rule) {
      case 'line-marker':
      case 'space':
      case 'comment':
      case 'line-comment':
        return undefined;
      case 'include':
        throw new DtsError(at, '/include/ is not supported: the parser reads no files (inline the included text)');
      case 'string':
        return { ...this.#token('string', text, at), bytes: Uint8Array.from([...decodeDtsEscapes(text, at), 0]) };
      case 'keyword': {
        const keyword = match.keyword as (typeof KEYWORDS)[number];
        if (keyword.next) this.#state = keyword.next;
        return this.#token(keyword.kind, text, at);
      }
      case 'label':
        return this.#token('label', text, at, text.slice(0, -1));
      case 'integer':
        return { ...this.#token('integer', text, at), integer: integerLiteralValue(text, at) };
      case 'char':
        return { ...this.#token('char', text, at), integer: charLiteralValue(text, at) };
      case 'label-ref':
        return this.#token('ref', text, at, text.slice(1));
      case 'path-ref':
        return this.#token('ref', text, at, text.slice(2, -1));
      case 'byte':
        return { ...this.#token('byte', text, at), integer: BigInt(parseInt(text, 16)) };
      case 'close-bracket':
        this.#state = 'v1';
        return this.#token('punct', text, at, text);
      case 'name':
        this.#state = 'v1';
        return this.#token('name', text, at, text.startsWith('\\') ? text.slice(1) : text);
      case 'incbin':
        return this.#token('incbin', text, at);
      case 'operator':
        return this.#token('punct', text, at, text);
      case 'any':
        return this.#single(text, at);
    }
  }

  /** A lone character; `[` enters the byte-string state and `{` `;` the name state, as in dtc. */
  #single(text: string, at: DtsPosition): DtsToken {
    // These characters can only start a string, literal or comment; reaching
    // here means it never ended, and dtc rejects the text at this point too.
    if (text === '"')
      throw new DtsError(at, "string has no closing '\"' (a backslash may not end a line inside a string)");
    if (text === "'") throw new DtsError(at, 'character literal has no closing "\'"');
    if (text === '/' && this.#at(0) === 0x2a) throw new DtsError(at, "comment has no closing '*/'");
    if (text === '/' && this.#at(0) === 0x2f) {
      throw new DtsError(at, "a '//' comment must end with a line break (this one runs to the end of the text)");
    }
    if (text === '[') this.#state = 'bytestring';
    else if (text === '{' || text === ';') this.#state = 'propnodename';
    return this.#token('punct', text, at, text);
  }

  #at(offset: number): number {
    const index = this.#pos + offset;
    return index < this.#text.length ? this.#text.charCodeAt(index) : -1;
  }

  #startsWith(literal: string): boolean {
    return this.#text.startsWith(literal, this.#pos);
  }

  /** `"/include/"{WS}*{STRING}` */
  #matchInclude(): number {
    if (!this.#startsWith('/include/')) return 0;
    let i = this.#pos + 9;
    while (isSpace(this.#charAt(i))) i++;
    const length = this.#matchString(i);
    return length === 0 ? 0 : i + length - this.#pos;
  }

  #charAt(index: number): number {
    return index < this.#text.length ? this.#text.charCodeAt(index) : -1;
  }

  /** `^"#"(line)?[ \t]+[0-9]+[ \t]+{STRING}([ \t]+[0-9]+)*`, only at the start of a line. */
  #matchLineMarker(): number {
    if (this.#at(0) !== 0x23 || (this.#pos > 0 && this.#charAt(this.#pos - 1) !== 0x0a)) return 0;
    let i = this.#pos + 1;
    if (this.#text.startsWith('line', i)) i += 4;
    const blanks = (from: number): number => {
      let j = from;
      while (this.#charAt(j) === 0x20 || this.#charAt(j) === 0x09) j++;
      return j;
    };
    const digits = (from: number): number => {
      let j = from;
      while (isDigit(this.#charAt(j))) j++;
      return j;
    };
    let j = blanks(i);
    if (j === i) return 0;
    i = digits(j);
    if (i === j) return 0;
    j = blanks(i);
    if (j === i) return 0;
    const stringLength = this.#matchString(j);
    if (stringLength === 0) return 0;
    i = j + stringLength;
    for (;;) {
      const afterBlanks = blanks(i);
      const afterDigits = digits(afterBlanks);
      if (afterBlanks === i || afterDigits === afterBlanks) break;
      i = afterDigits;
    }
    return i - this.#pos;
  }

  /** `\"([^\\"]|\\.)*\"` starting at `from`: a backslash pairs with any character but a line break. */
  #matchString(from: number): number {
    if (this.#charAt(from) !== 0x22) return 0;
    let i = from + 1;
    for (;;) {
      const c = this.#charAt(i);
      if (c === -1) return 0;
      if (c === 0x22) return i + 1 - from;
      if (c === 0x5c) {
        const escaped = this.#charAt(i + 1);
        if (escaped === -1 || escaped === 0x0a) return 0;
        i += 2;
      } else {
        i++;
      }
    }
  }

  #matchKeyword(): Match {
    for (const keyword of KEYWORDS) {
      if (this.#startsWith(keyword.text)) return { rule: 'keyword', length: keyword.text.length, keyword };
    }
    return { rule: 'keyword', length: 0 };
  }

  #labelEnd(from: number): number {
    if (!isLabelStart(this.#charAt(from))) return from;
    let i = from + 1;
    while (isLabelChar(this.#charAt(i))) i++;
    return i;
  }

  /** `{LABEL}:` with LABEL `[a-zA-Z_][a-zA-Z0-9_]*`. */
  #matchLabelColon(): number {
    const end = this.#labelEnd(this.#pos);
    return end > this.#pos && this.#charAt(end) === 0x3a ? end + 1 - this.#pos : 0;
  }

  /** `([0-9]+|0[xX][0-9a-fA-F]+)(U|L|UL|LL|ULL)?` */
  #matchInteger(): number {
    let i = this.#pos;
    while (isDigit(this.#charAt(i))) i++;
    if (i === this.#pos) return 0;
    if (this.#at(0) === 0x30 && (this.#at(1) === 0x78 || this.#at(1) === 0x58) && isHexDigit(this.#at(2))) {
      i = this.#pos + 2;
      while (isHexDigit(this.#charAt(i))) i++;
    }
    for (const suffix of ['ULL', 'UL', 'LL', 'U', 'L']) {
      if (this.#text.startsWith(suffix, i)) return i + suffix.length - this.#pos;
    }
    return i - this.#pos;
  }

  /**
   * `'([^']|\\')*'`: a quote inside must follow a backslash. Flex takes the
   * longest match, so the literal ends at the last quote that still leaves
   * every earlier inner quote escaped.
   */
  #matchCharLiteral(): number {
    if (this.#at(0) !== 0x27) return 0;
    let end = 0;
    let i = this.#pos + 1;
    for (;;) {
      const quote = this.#text.indexOf("'", i);
      if (quote < 0) return end;
      end = quote + 1 - this.#pos;
      if (quote - 1 <= this.#pos || this.#charAt(quote - 1) !== 0x5c) return end;
      i = quote + 1;
    }
  }

  /** `\&{LABEL}` */
  #matchLabelRef(): number {
    if (this.#at(0) !== 0x26) return 0;
    const end = this.#labelEnd(this.#pos + 1);
    return end > this.#pos + 1 ? end - this.#pos : 0;
  }

  /** `"&{/"{PATHCHAR}*\}` with PATHCHAR a name character or `/`. */
  #matchPathRef(): number {
    if (!this.#startsWith('&{/')) return 0;
    let i = this.#pos + 3;
    while (isNameChar(this.#charAt(i)) || this.#charAt(i) === 0x2f) i++;
    return this.#charAt(i) === 0x7d ? i + 1 - this.#pos : 0;
  }

  /** `[0-9a-fA-F]{2}` */
  #matchByte(): number {
    return isHexDigit(this.#at(0)) && isHexDigit(this.#at(1)) ? 2 : 0;
  }

  /** `\\?{PROPNODECHAR}+` */
  #matchName(): number {
    let i = this.#at(0) === 0x5c ? this.#pos + 1 : this.#pos;
    const start = i;
    while (isNameChar(this.#charAt(i))) i++;
    return i > start ? i - this.#pos : 0;
  }

  #matchSpace(): number {
    let i = this.#pos;
    while (isSpace(this.#charAt(i))) i++;
    return i - this.#pos;
  }

  /** One C comment; it ends at the first `*∕` after the opening `/*`. */
  #matchComment(): number {
    if (!this.#startsWith('/*')) return 0;
    const close = this.#text.indexOf('*/', this.#pos + 2);
    return close < 0 ? 0 : close + 2 - this.#pos;
  }

  /** `"//".*\n`: dtc needs the line break, so a `//` comment on the last line without one does not match. */
  #matchLineComment(): number {
    if (!this.#startsWith('//')) return 0;
    const newline = this.#text.indexOf('\n', this.#pos + 2);
    return newline < 0 ? 0 : newline + 1 - this.#pos;
  }
}

/**
 * The value of an integer literal as dtc reads it (`strtoull(text, 0)` and
 * only `U`/`L` letters after the number): a leading 0 means octal, so `08`
 * is an error, and values above 2^64 - 1 are out of range.
 */
function integerLiteralValue(text: string, at: DtsPosition): bigint {
  const digits = text.replace(/[UL]+$/, '');
  let value: bigint;
  if (/^0[xX]/.test(digits)) {
    value = BigInt(digits);
  } else if (digits.length > 1 && digits.startsWith('0')) {
    if (!/^[0-7]+$/.test(digits)) throw new DtsError(at, `bad integer literal '${text}' (a leading 0 means octal)`);
    value = BigInt(`0o${digits.slice(1)}`);
  } else {
    value = BigInt(digits);
  }
  if (value > U64_MAX) throw new DtsError(at, `integer literal '${text}' is out of range (more than 64 bits)`);
  return value;
}

/** A character literal is exactly one byte once escapes are decoded (`'a'`, `'\n'`, `'\x41'`). */
function charLiteralValue(text: string, at: DtsPosition): bigint {
  const bytes = decodeDtsEscapes(text, at);
  if (bytes.length === 0) throw new DtsError(at, 'empty character literal');
  if (bytes.length > 1) throw new DtsError(at, `character literal has ${bytes.length} bytes instead of 1`);
  return BigInt(bytes[0]);
}
