/**
 * The name rules dtc enforces as errors (checks.c: `node_name_chars`,
 * `node_name_format`, `property_name_chars`). The writer refuses names dtc
 * would refuse, so every blob it writes is one dtc could have written.
 */

/** dtc's NODECHARS: letters, digits and ",._+-@". */
const NODE_NAME = /^[A-Za-z0-9,._+\-@]+$/;
/** dtc's PROPCHARS: letters, digits and ",._+*#?-". */
const PROPERTY_NAME = /^[A-Za-z0-9,._+*#?-]+$/;

/** Why `name` is not a valid (non-root) node name, or undefined when it is. */
export function nodeNameProblem(name: string): string | undefined {
  if (name === '') return 'node name is empty';
  if (!NODE_NAME.test(name))
    return `node name ${JSON.stringify(name)} has a character outside letters, digits and ",._+-@"`;
  if (name.indexOf('@') !== name.lastIndexOf('@')) return `node name ${JSON.stringify(name)} has more than one "@"`;
  return undefined;
}

/** Why `name` is not a valid property name, or undefined when it is. */
export function propertyNameProblem(name: string): string | undefined {
  if (name === '') return 'property name is empty';
  if (!PROPERTY_NAME.test(name)) {
    return `property name ${JSON.stringify(name)} has a character outside letters, digits and ",._+*#?-"`;
  }
  return undefined;
}
