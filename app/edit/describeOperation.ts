import type { EditOperation } from '../../core/edit';

/** An operation as one line of the edit history (`set size on /demo1 of 0x1847000`, ...). */
export function describeOperation(op: EditOperation): string {
  const at = `${op.node} of ${op.fragment}`;
  switch (op.op) {
    case 'set-property':
      return `set ${op.name} on ${at}`;
    case 'add-property':
      return `add property ${op.name} to ${at}`;
    case 'remove-property':
      return `remove property ${op.name} from ${at}`;
    case 'rename-property':
      return `rename property ${op.name} to ${op.to} on ${at}`;
    case 'add-node':
      return `add node ${op.name} under ${at}`;
    case 'insert-node':
      return `put back node ${op.subtree.name} under ${at}`;
    case 'remove-node':
      return `delete node ${at}`;
    case 'rename-node':
      return `rename node ${at} to ${op.to}`;
    case 'add-fragment':
      return `add fragment ${op.name} under ${at}`;
    case 'split':
      return `split ${at} into its own fragment`;
    case 'inline':
      return `inline the fragment ${at} links to`;
    case 'set-page-order':
      return `write the page list of ${at} ${op.order === 'le' ? 'little' : 'big'}-endian`;
  }
}
