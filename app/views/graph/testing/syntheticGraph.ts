import { SeededRandom } from '../../../../bench/SeededRandom';
import {
  type DecodedNode,
  type DecodedProperty,
  type Diagnostic,
  type Fragment,
  type KhoGraph,
  type Link,
  noKernelFacts,
} from '../../../../core/kho';

/** Shape of a synthetic graph. */
export interface SyntheticGraphOptions {
  fragments: number;
  seed?: number;
  /** Most children per fragment (default 6). */
  maxChildren?: number;
}

const PAGE = 4096;
const BASE = 0x1_0000_0000;
const NO_BYTES = new Uint8Array(0);

/**
 * A large KHO graph made up in memory (not decoded from an image), for the
 * graph view's scale tests and benchmark: `fragments` FDT fragments in one
 * tree under a `kho-v4` root, each with a few properties and in-place nodes,
 * linked by `preserved-data` pointers and by `kho,recursive-fdt` page lists
 * (some of them not contiguous), with a few unreadable targets, second links
 * to one fragment, and diagnostics of every severity. Deterministic for a seed.
 */
export function syntheticGraph(options: SyntheticGraphOptions): KhoGraph {
  const random = new SeededRandom(options.seed ?? 1);
  const maxChildren = options.maxChildren ?? 6;
  const fragments: Fragment[] = [];
  const links: Link[] = [];
  const diagnostics: Diagnostic[] = [];
  let nextPage = BASE;
  const allocate = (pages: number, spread: boolean): number[] => {
    const list: number[] = [];
    for (let i = 0; i < pages; i++) {
      nextPage += spread && i > 0 ? PAGE * random.int(1, 3) : PAGE;
      list.push(nextPage);
    }
    return list;
  };

  // Breadth-first: each fragment gets children until the budget is spent.
  const root = makeFragment('0', 0, allocate(1, false), 'kho-v4', random);
  fragments.push(root.fragment);
  const queue = [root];
  for (let at = 0; at < queue.length && fragments.length < options.fragments; at++) {
    const parent = queue[at];
    const count = Math.min(random.int(1, maxChildren), options.fragments - fragments.length);
    for (let c = 0; c < count; c++) {
      const pageList = random.next() < 0.3;
      const pages = allocate(pageList ? random.int(2, 4) : 1, pageList);
      const child = makeFragment(
        `${fragments.length}`,
        parent.fragment.depth + 1,
        pages,
        `synthetic-${random.int(1, 40)}-v1`,
        random,
      );
      const owner = addOwnerNode(parent, `child@${c}`, pageList ? 'kho,recursive-fdt' : 'preserved-data');
      links.push(
        link(parent.fragment.id, owner, pageList ? 'kho,recursive-fdt' : 'preserved-data', pages, child.fragment.id),
      );
      fragments.push(child.fragment);
      queue.push(child);
      if (random.next() < 0.02) {
        diagnostics.push({
          severity: random.pick(['error', 'warning', 'info'] as const),
          code: 'synthetic',
          message: 'a made-up problem on a node',
          location: { fragment: child.fragment.id, node: '/config' },
        });
      }
    }
    if (random.next() < 0.02) {
      const owner = addOwnerNode(parent, 'lost', 'preserved-data');
      links.push(link(parent.fragment.id, owner, 'preserved-data', [0xdead_0000], null));
      diagnostics.push({
        severity: 'error',
        code: 'dangling-pointer',
        message: 'points outside the image',
        location: { fragment: parent.fragment.id, node: owner, property: 'preserved-data' },
      });
    }
    if (at > 0 && random.next() < 0.01) {
      const target = random.pick(fragments).id;
      const owner = addOwnerNode(parent, 'again', 'preserved-data');
      links.push(link(parent.fragment.id, owner, 'preserved-data', [Number(target)], target));
      diagnostics.push({
        severity: 'warning',
        code: 'shared-target',
        message: `a second link to ${target}`,
        location: { fragment: parent.fragment.id, node: owner, property: 'preserved-data' },
      });
    }
  }
  for (const fragment of fragments) fragment.root = root.fragment.id;
  return {
    source: { kind: 'memory', name: `synthetic ${fragments.length} fragments`, pageSize: PAGE },
    roots: [
      {
        fragment: root.fragment.id,
        address: root.pages[0],
        how: 'given',
        rank: null,
        compatible: 'kho-v4',
        version: null,
        anchorChain: null,
        map: null,
      },
    ],
    fragments,
    links,
    vmallocAreas: [],
    blockSets: [],
    scratchAreas: [],
    kernel: noKernelFacts('a synthetic graph'),
    diagnostics,
  };
}

interface Made {
  fragment: Fragment;
  pages: number[];
  root: DecodedNode;
}

function makeFragment(index: string, depth: number, pages: number[], compatible: string, random: SeededRandom): Made {
  const id = `0x${pages[0].toString(16)}`;
  const root = node('', '/', [stringProperty('compatible', compatible), stringProperty('label', `fragment ${index}`)]);
  if (random.next() < 0.5)
    root.children.push(
      node('config', '/config', [stringProperty('mode', 'fast'), stringProperty('owner', `user${random.int(1, 9)}`)]),
    );
  const size = PAGE * pages.length - random.int(0, PAGE - 64);
  const location =
    pages.length === 1
      ? { kind: 'contiguous' as const, address: pages[0], length: size }
      : { kind: 'pages' as const, pages, pageSize: PAGE, length: size };
  const fragment: Fragment = {
    id,
    // Set once the root exists (see syntheticGraph).
    root: '',
    depth,
    location,
    size,
    format: 'fdt',
    compatible,
    bytes: NO_BYTES,
    content: {
      kind: 'fdt',
      totalSize: size,
      version: 17,
      lastCompVersion: 16,
      bootCpuidPhys: 0,
      memoryReservations: [],
      root,
    },
    user: null,
  };
  return { fragment, pages, root };
}

/** Adds a child node that will own a link, and returns its path. */
function addOwnerNode(parent: Made, name: string, property: string): string {
  const path = `/${name}${parent.root.children.length}`;
  parent.root.children.push(
    node(`${name}${parent.root.children.length}`, path, [
      { ...stringProperty(property, ''), value: { kind: 'bytes', basis: 'abi' } },
    ]),
  );
  return path;
}

function link(fragment: string, node: string, property: string, addresses: number[], to: string | null): Link {
  const draft = property === 'kho,recursive-fdt';
  return {
    id: `${fragment}:${node}:${property}`,
    from: { fragment, node, property },
    to,
    scheme: draft ? 'draft-recursive-fdt' : 'preserved-data',
    addresses,
    size: null,
    order: draft ? 'be' : 'le',
    orderReason: draft ? 'big-endian: page lists are written as DTS cells' : 'little-endian: the KHO ABI',
  };
}

function node(name: string, path: string, properties: DecodedProperty[]): DecodedNode {
  return { name, path, offset: 0, properties, children: [] };
}

function stringProperty(name: string, value: string): DecodedProperty {
  return { name, offset: 0, valueOffset: 0, raw: NO_BYTES, value: { kind: 'string', value, basis: 'dtc' } };
}
