/**
 * A place inside a fragment that holds something: a property of a node in an
 * FDT fragment (`node` = its path), or a field of a raw struct (`node` = '',
 * `property` = the field path such as `sessions_pa` or `sessions[0].files`).
 */
export interface FieldRef {
  fragment: string;
  node: string;
  property: string;
}
