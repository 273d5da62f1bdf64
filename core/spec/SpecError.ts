/**
 * The one error type of the image builder: the place in the spec (a JSON
 * path like `fragments.memblock.at`, or a file and line) and a plain-words
 * reason. The message is "place: reason".
 */
export class SpecError extends Error {
  readonly where: string;
  readonly reason: string;

  constructor(where: string, reason: string) {
    super(`${where}: ${reason}`);
    this.name = 'SpecError';
    this.where = where;
    this.reason = reason;
  }
}
