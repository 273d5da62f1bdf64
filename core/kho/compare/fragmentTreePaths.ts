import type { Fragment } from '../model/Fragment';
import type { KhoGraph } from '../model/KhoGraph';
import { walkLinkTree } from '../walkLinkTree';

/** The path of a root fragment. */
export const ROOT_PATH = '/';

/** Joins the steps of a tree path. */
const STEP = ' › ';

/**
 * Names every fragment below `root` by where it sits in the tree rather than
 * by its physical address, which changes across kexec and when an edit
 * re-places a blob: the root is `/`, a fragment is its owner's path plus the
 * place of the pointer that reached it (the owning node's path in an FDT,
 * the field path in a raw struct), e.g. `/memblock` or
 * `/LUO › sessions[0].files[0].data`. A second pointer from one node gets
 * `#property`. A fragment reached twice keeps its first path. Returned in
 * tree order, root first.
 */
export function fragmentTreePaths(graph: KhoGraph, root: Fragment): Map<string, Fragment> {
  const paths = new Map<string, Fragment>([[ROOT_PATH, root]]);
  const taken = new Set<string>();
  walkLinkTree(graph, root, ROOT_PATH, (link, target, ownerPath, firstVisit) => {
    const node = link.from.node;
    let step = node === '' ? link.from.property : node;
    if (taken.has(`${ownerPath}\0${step}`)) step = `${step}#${link.from.property}`;
    taken.add(`${ownerPath}\0${step}`);
    const path = ownerPath === ROOT_PATH ? step : `${ownerPath}${STEP}${step}`;
    if (firstVisit) paths.set(path, target);
    return path;
  });
  return paths;
}
