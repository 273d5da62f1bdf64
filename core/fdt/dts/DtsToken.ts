import type { DtsPosition } from './DtsError';

/**
 * The kinds of DTS token, after dtc's lexer (dtc-lexer.l):
 * keywords (`/dts-v1/`, `/memreserve/`, ...), `label` (`lbl:`), `integer`
 * (a numeric literal), `char` (`'a'`), `ref` (`&lbl` or `&{/path}`),
 * `string`, `byte` (two hex digits inside `[...]`), `name` (a node or
 * property name), `punct` (operators and single characters) and `end`.
 */
export type DtsTokenKind =
  | 'dts-v1'
  | 'plugin'
  | 'memreserve'
  | 'bits'
  | 'delete-property'
  | 'delete-node'
  | 'omit-if-no-ref'
  | 'incbin'
  | 'label'
  | 'integer'
  | 'char'
  | 'ref'
  | 'string'
  | 'byte'
  | 'name'
  | 'punct'
  | 'end';

/** One token with where it starts. */
export interface DtsToken {
  kind: DtsTokenKind;
  /** The token's source text. */
  text: string;
  at: DtsPosition;
  /** `label`: the label; `ref`: the label or the path (`/a/b`); `name`: the name without a leading `\`; `punct`: the operator. */
  value: string;
  /** `integer`, `char`, `byte`: the number (u64). */
  integer: bigint;
  /** `string`: the bytes, NUL terminator included. */
  bytes: Uint8Array;
}

/** How an error message names a token: `'}'`, `the name 'reg'`, `the end of the text`. */
export function describeDtsToken(token: DtsToken): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the text';
    case 'punct':
      return `'${token.text}'`;
    case 'name':
      return `the name '${token.value}'`;
    case 'label':
      return `the label '${token.text}'`;
    case 'ref':
      return `the reference '${token.text}'`;
    case 'integer':
      return `the number ${token.text}`;
    case 'char':
      return `the character literal ${token.text}`;
    case 'byte':
      return `the byte ${token.text}`;
    case 'string':
      return 'a string';
    default:
      return token.text;
  }
}

/** A one-token-lookahead view of the token stream, shared by the parser's pieces. */
export interface DtsTokenCursor {
  /** The next token, not consumed. */
  peek(): DtsToken;
  /** Consumes and returns the next token. */
  take(): DtsToken;
}
