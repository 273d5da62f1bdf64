/** Where in the DTS text something is: 1-based line and column (column counted in UTF-16 units). */
export interface DtsPosition {
  line: number;
  column: number;
}

/**
 * The one error type of the DTS parser: the line and column the problem is at
 * and a plain-words reason. The message reads
 * "line 4, column 12: expected ';' after the value of property 'reg'".
 */
export class DtsError extends Error {
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem, in UTF-16 units. */
  readonly column: number;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(at: DtsPosition, reason: string) {
    super(`line ${at.line}, column ${at.column}: ${reason}`);
    this.name = 'DtsError';
    this.line = at.line;
    this.column = at.column;
    this.reason = reason;
  }
}
