/**
 * Why an image cannot be carved: it has no physical memory, no root could be
 * decoded, or the preserved data asked for is larger than the limit. The
 * message says it in plain words.
 */
export class CarveError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'CarveError';
  }
}
