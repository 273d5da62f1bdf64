/**
 * The one error type of the editor: an operation refused, or an edit that
 * cannot be written back into the image. `where` names the place (a fragment
 * and node path, a property, an address) and `reason` says why in plain
 * words; the message is "where: reason".
 */
export class EditError extends Error {
  /** The place the problem is at (`fragment 0x40002000 /node1`, `property blob-size`, ...). */
  readonly where: string;
  /** Plain-words reason, without the place. */
  readonly reason: string;

  constructor(where: string, reason: string) {
    super(where === '' ? reason : `${where}: ${reason}`);
    this.name = 'EditError';
    this.where = where;
    this.reason = reason;
  }
}

/** `fragment <id> <path>`, the usual `where` of an error about a node. */
export function nodePlace(fragment: string, node: string, property?: string): string {
  return `fragment ${fragment} ${node}${property === undefined ? '' : `:${property}`}`;
}
