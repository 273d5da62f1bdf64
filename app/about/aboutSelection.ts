import { type KhoGraph, propertyOf } from '../../core/kho';
import { graphIndexOf } from '../explore/GraphIndex';
import { rootLabel } from '../explore/rootLabel';
import type { Selection } from '../model/Selection';
import type { CenterTab } from '../state/uiStore';
import {
  type AboutTopic,
  COMPATIBLE_TOPICS,
  LINK_TOPIC,
  ORDER_LANE_TOPIC,
  PROPERTY_TOPICS,
  ROOT_TOPIC,
} from './aboutTopics';

/**
 * What the "About this" panel explains for a selection, most specific
 * first: the property or field by name, then the node or fragment by its
 * compatible (a root as the KHO root), a link; on the memory map, its order
 * lanes. Empty when nothing is known about it.
 */
export function aboutSelection(graph: KhoGraph, selection: Selection, tab: CenterTab): AboutTopic[] {
  const index = graphIndexOf(graph);
  const topics: AboutTopic[] = [];
  const add = (topic: AboutTopic | undefined) => {
    if (topic && !topics.includes(topic)) topics.push(topic);
  };
  const fragmentTopics = (fragmentId: string, nodePath: string | null) => {
    if (nodePath !== null && nodePath !== '') {
      const node = index.node(fragmentId, nodePath);
      const compatible = node && propertyOf(node, 'compatible')?.value;
      if (compatible?.kind === 'string') add(COMPATIBLE_TOPICS[compatible.value]);
    }
    const fragment = index.fragment(fragmentId);
    const root = index.rootAt(fragmentId);
    if (root && rootLabel(graph, root).kho) add(ROOT_TOPIC);
    const rootNode = index.node(fragmentId, '/');
    const compatible = rootNode && propertyOf(rootNode, 'compatible')?.value;
    if (compatible?.kind === 'string') add(COMPATIBLE_TOPICS[compatible.value]);
    if (fragment) add(COMPATIBLE_TOPICS[fragment.format]);
  };
  switch (selection.kind) {
    case 'property':
      add(PROPERTY_TOPICS[selection.property] ?? PROPERTY_TOPICS[selection.property.split('.')[0]]);
      fragmentTopics(selection.fragment, selection.node);
      break;
    case 'node':
      fragmentTopics(selection.fragment, selection.node);
      break;
    case 'fragment':
      fragmentTopics(selection.fragment, null);
      break;
    case 'link': {
      const link = index.link(selection.link);
      if (link) add(PROPERTY_TOPICS[link.from.property]);
      add(LINK_TOPIC);
      break;
    }
    default:
      break;
  }
  if (tab === 'memmap') add(ORDER_LANE_TOPIC);
  return topics;
}
