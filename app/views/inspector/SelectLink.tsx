import type { ReactNode } from 'react';
import type { Selection } from '../../model/Selection';
import { select } from '../../state/select';

/** A link-styled button that selects something (a fragment, a node, a property, a link). */
export function SelectLink({
  selection,
  children,
  label,
}: {
  selection: Selection;
  children: ReactNode;
  label?: string;
}) {
  return (
    <button type="button" className="link-button mono" onClick={() => select(selection)} aria-label={label}>
      {children}
    </button>
  );
}
