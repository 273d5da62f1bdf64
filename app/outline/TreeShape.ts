/** The parts of a tree item the outline's row logic needs (ids are array indexes). */
export interface TreeShape {
  parent: number;
  depth: number;
  children: readonly number[];
}
