/**
 * The one error type of the FDT writer: the document cannot be written as a
 * blob. `path` names the node ("/a/b@1", "/" for the root, "" for document-wide
 * fields) and `property` the property, when the problem is in one.
 */
export class FdtWriteError extends Error {
  /** Path of the node the problem is in, "" when it is about the document itself. */
  readonly path: string;
  /** Name of the property the problem is in, if any. */
  readonly property: string | undefined;
  /** Plain-words reason, without the location prefix. */
  readonly reason: string;

  constructor(path: string, property: string | undefined, reason: string) {
    super(`${describeLocation(path, property)}: ${reason}`);
    this.name = 'FdtWriteError';
    this.path = path;
    this.property = property;
    this.reason = reason;
  }
}

function describeLocation(path: string, property: string | undefined): string {
  if (path === '') return 'document';
  if (property === undefined) return `node ${path}`;
  return `property ${JSON.stringify(property)} of node ${path}`;
}
