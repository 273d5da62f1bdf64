import { DtsError } from './DtsError';
import { describeDtsToken } from './DtsToken';
import type { DtsToken, DtsTokenCursor } from './DtsToken';

const U64 = (value: bigint): bigint => BigInt.asUintN(64, value);
const truth = (value: boolean): bigint => (value ? 1n : 0n);

/** Binary operators from the loosest to the tightest binding, as in dtc's grammar (and C). */
const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

/** dtc's arithmetic: unsigned 64-bit, shifts by 64 or more give 0, division by zero is an error. */
function applyBinary(operator: DtsToken, left: bigint, right: bigint): bigint {
  switch (operator.value) {
    case '||':
      return truth(left !== 0n || right !== 0n);
    case '&&':
      return truth(left !== 0n && right !== 0n);
    case '|':
      return left | right;
    case '^':
      return left ^ right;
    case '&':
      return left & right;
    case '==':
      return truth(left === right);
    case '!=':
      return truth(left !== right);
    case '<':
      return truth(left < right);
    case '>':
      return truth(left > right);
    case '<=':
      return truth(left <= right);
    case '>=':
      return truth(left >= right);
    case '<<':
      return right < 64n ? U64(left << right) : 0n;
    case '>>':
      return right < 64n ? left >> right : 0n;
    case '+':
      return U64(left + right);
    case '-':
      return U64(left - right);
    case '*':
      return U64(left * right);
    default:
      if (right === 0n) throw new DtsError(operator.at, 'division by zero');
      return operator.value === '/' ? left / right : left % right;
  }
}

function isPunct(token: DtsToken, text: string): boolean {
  return token.kind === 'punct' && token.value === text;
}

/**
 * Parses dtc's `integer_prim`: a number, a character literal or a
 * parenthesised C expression (`(1 << 4 | 2)`, `(a ? b : c)`, unary `- ~ !`),
 * evaluated as dtc does in unsigned 64-bit arithmetic. `maxDepth` bounds the
 * nesting of parentheses and `?:`.
 */
export function parseDtsIntegerPrimary(cursor: DtsTokenCursor, maxDepth: number): bigint {
  return new IntegerExpressionParser(cursor, maxDepth).primary(0);
}

class IntegerExpressionParser {
  readonly #cursor: DtsTokenCursor;
  readonly #maxDepth: number;

  constructor(cursor: DtsTokenCursor, maxDepth: number) {
    this.#cursor = cursor;
    this.#maxDepth = maxDepth;
  }

  primary(depth: number): bigint {
    const token = this.#cursor.peek();
    if (token.kind === 'integer' || token.kind === 'char') {
      this.#cursor.take();
      return token.integer;
    }
    if (!isPunct(token, '(')) {
      throw new DtsError(token.at, `expected a number, a character literal or '(', found ${describeDtsToken(token)}`);
    }
    this.#cursor.take();
    const value = this.#conditional(this.#deeper(depth, token));
    const close = this.#cursor.take();
    if (!isPunct(close, ')'))
      throw new DtsError(close.at, `expected ')' or an operator, found ${describeDtsToken(close)}`);
    return value;
  }

  #deeper(depth: number, token: DtsToken): number {
    if (depth + 1 > this.#maxDepth) {
      throw new DtsError(token.at, `expression nests deeper than ${this.#maxDepth} levels (maxExpressionDepth)`);
    }
    return depth + 1;
  }

  /** `cond ? a : b`, right-associative like C (dtc's integer_trinary). */
  #conditional(depth: number): bigint {
    const condition = this.#binary(0, depth);
    const question = this.#cursor.peek();
    if (!isPunct(question, '?')) return condition;
    this.#cursor.take();
    const inner = this.#deeper(depth, question);
    const ifTrue = this.#conditional(inner);
    const colon = this.#cursor.take();
    if (!isPunct(colon, ':')) throw new DtsError(colon.at, `expected ':' in '? :', found ${describeDtsToken(colon)}`);
    const ifFalse = this.#conditional(inner);
    return condition !== 0n ? ifTrue : ifFalse;
  }

  #binary(level: number, depth: number): bigint {
    const operand = (): bigint =>
      level + 1 < BINARY_LEVELS.length ? this.#binary(level + 1, depth) : this.#unary(depth);
    let left = operand();
    for (;;) {
      const operator = this.#cursor.peek();
      if (operator.kind !== 'punct' || !BINARY_LEVELS[level].includes(operator.value)) return left;
      this.#cursor.take();
      left = applyBinary(operator, left, operand());
    }
  }

  /** Prefix `-`, `~`, `!` (gathered in a loop, so a long run of them costs no stack). */
  #unary(depth: number): bigint {
    const operators: string[] = [];
    for (;;) {
      const token = this.#cursor.peek();
      if (token.kind !== 'punct' || !['-', '~', '!'].includes(token.value)) break;
      operators.push(token.value);
      this.#cursor.take();
    }
    let value = this.primary(depth);
    for (let i = operators.length - 1; i >= 0; i--) {
      if (operators[i] === '-') value = U64(-value);
      else if (operators[i] === '~') value = U64(~value);
      else value = truth(value === 0n);
    }
    return value;
  }
}
