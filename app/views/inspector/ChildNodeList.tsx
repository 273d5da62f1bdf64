import type { DecodedNode } from '../../../core/kho';
import { FoldedList } from '../../components/FoldedList';
import { SelectLink } from './SelectLink';

/** A node's children (a fragment's top-level nodes), each selectable; long lists folded. */
export function ChildNodeList({ fragment, nodes }: { fragment: string; nodes: readonly DecodedNode[] }) {
  return (
    <FoldedList
      className="child-list"
      items={nodes}
      render={(child) => (
        <li key={child.path}>
          <SelectLink selection={{ kind: 'node', fragment, node: child.path }}>{child.name}</SelectLink>
        </li>
      )}
    />
  );
}
