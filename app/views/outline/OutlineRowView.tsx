import { memo, type MouseEvent } from 'react';
import { editHere, isEditablePlace } from '../../edit/editHere';
import { SeverityIcon } from '../../components/SeverityIcon';
import type { DiagnosticBadge } from '../../explore/diagnosticBadges';
import { selectionKey } from '../../explore/selectionKey';
import type { OutlineItem } from '../../outline/OutlineModel';
import type { OutlineRow } from '../../outline/visibleRows';
import { type OutlineState, useOutlineStore } from '../../state/outlineStore';
import { followLink, select } from '../../state/select';
import { type SelectionState, useSelectionStore } from '../../state/selectionStore';
import { useCompareMark } from '../compare/useCompareMark';

interface OutlineRowViewProps {
  row: OutlineRow;
  item: OutlineItem;
  badges: ReadonlyMap<string, DiagnosticBadge>;
  height: number;
  /** An edit rewrote, patched, moved or created this row's fragment (the same mark the graph's cards carry). */
  edited: boolean;
}

/** Selector: whether the row showing the place with selection key `key` is selected. */
export const isSelectedRow =
  (key: string) =>
  (state: SelectionState): boolean =>
    state.selection !== null && selectionKey(state.selection) === key;

/** Selector: whether the keyboard cursor is on `item`. */
export const isCursorRow =
  (item: number) =>
  (state: OutlineState): boolean =>
    state.cursor === item;

/** DOM id of an item's outline row (the tree's aria-activedescendant points at it). */
export function outlineRowId(item: number): string {
  return `outline-item-${item}`;
}

/**
 * One line of the outline: chevron, name, a short detail (compatible, value
 * or link target), a follow button for pointers, and a badge when
 * diagnostics are about it, and an `edited` tag on a fragment an edit
 * changed. Right-click starts an edit of the row's place. Memoised (its
 * props are stable: rows keep their identity while the outline's lines are
 * updated, see `toggleRows`) and subscribed only to whether it is selected
 * or under the cursor, so a click re-renders the rows whose state flips,
 * not the tree.
 */
export const OutlineRowView = memo(function OutlineRowView({ row, item, badges, height, edited }: OutlineRowViewProps) {
  const key = selectionKey(item.selection);
  const selected = useSelectionStore(isSelectedRow(key));
  const isCursor = useOutlineStore(isCursorRow(row.item));
  const compared = useCompareMark(key);
  const badge = item.kind === 'root' ? undefined : badges.get(key);

  const choose = () => {
    useOutlineStore.getState().setCursor(row.item);
    select(item.selection);
  };
  const toggle = (event: MouseEvent) => {
    // The chevron opens or closes without changing the selection.
    event.stopPropagation();
    useOutlineStore.getState().setCursor(row.item);
    useOutlineStore.getState().setExpanded(row.item, !row.expanded);
  };
  const edit = (event: MouseEvent) => {
    if (!isEditablePlace(item.selection)) return;
    event.preventDefault();
    useOutlineStore.getState().setCursor(row.item);
    editHere(item.selection);
  };
  const follow = (event: MouseEvent) => {
    event.stopPropagation();
    if (item.link) followLink(item.link);
  };

  const classes = [
    'outline__row',
    `outline__row--${item.kind}`,
    selected && 'outline__row--selected',
    isCursor && 'outline__row--cursor',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useFocusableInteractive lint/a11y/useKeyWithClickEvents: the tree holds focus and moves its cursor by aria-activedescendant; its keys act on this row
    <div
      id={outlineRowId(row.item)}
      role="treeitem"
      aria-label={item.label}
      aria-level={row.depth + 1}
      aria-selected={selected}
      aria-expanded={row.hasChildren ? row.expanded : undefined}
      className={classes}
      style={{ height, paddingLeft: 6 + row.depth * 14 }}
      onClick={choose}
      onContextMenu={edit}
      data-kind={item.kind}
      data-compare={compared}
      data-changed={edited || undefined}
    >
      {row.hasChildren ? (
        <span className="outline__chevron" aria-hidden="true" onClick={toggle} data-open={row.expanded}>
          ▸
        </span>
      ) : (
        <span className="outline__chevron outline__chevron--leaf" aria-hidden="true" />
      )}
      <span className="outline__label">{item.label}</span>
      {item.link && item.target ? (
        <button
          type="button"
          className="outline__follow"
          tabIndex={-1}
          onClick={follow}
          title={`Follow the link to ${item.target} (Enter)`}
        >
          {item.detail}
        </button>
      ) : (
        item.detail && <span className="outline__detail">{item.detail}</span>
      )}
      {edited && (
        <span className="outline__edited" title="An edit changed this fragment" data-testid="outline-edited">
          edited
        </span>
      )}
      {badge && (
        <span
          className={`outline__badge outline__badge--${badge.worst}`}
          title={`${badge.count} diagnostic${badge.count === 1 ? '' : 's'}`}
          data-testid="outline-badge"
        >
          <SeverityIcon severity={badge.worst} />
          {badge.count > 1 && badge.count}
        </span>
      )}
    </div>
  );
});
