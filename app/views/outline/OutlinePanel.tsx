import { useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { KhoGraph } from '../../../core/kho';
import { useChangedFragments } from '../../edit/useChangedFragments';
import { scrollTopRevealing } from '../../components/rowWindow';
import { useRowWindow } from '../../components/useRowWindow';
import { diagnosticBadges } from '../../explore/diagnosticBadges';
import { outlineModelOf } from '../../outline/buildOutlineModel';
import type { OutlineItem, OutlineModel } from '../../outline/OutlineModel';
import { outlineKeyAction, type OutlineAction } from '../../outline/outlineKeyAction';
import { useDocumentStore } from '../../state/documentStore';
import { useOutlineStore } from '../../state/outlineStore';
import { followLink, select } from '../../state/select';
import { OutlineRowView, outlineRowId } from './OutlineRowView';
import { useVisibleRows } from './useVisibleRows';

/** Height of one outline row in pixels; the CSS row height is set from this. */
const ROW_HEIGHT = 26;

/**
 * The graph as a tree on the left: roots → fragments → nodes → properties
 * (raw fields, pointers to follow). One focusable element (role=tree) holds
 * the keyboard cursor as aria-activedescendant, and only the rows in view
 * are rendered, so graphs of any size scroll smoothly.
 */
export function OutlinePanel() {
  const graph = useDocumentStore((state) => state.graph);
  if (!graph) return null;
  return <OutlineTree graph={graph} />;
}

function OutlineTree({ graph }: { graph: KhoGraph }) {
  const model = useMemo(() => outlineModelOf(graph), [graph]);
  const badges = useMemo(() => diagnosticBadges(graph), [graph]);
  const changed = useChangedFragments();
  const cursor = useOutlineStore((state) => state.cursor);
  const rows = useVisibleRows(model);
  const cursorIndex = useMemo(() => rows.findIndex((row) => row.item === cursor), [rows, cursor]);
  const viewport = useRef<HTMLDivElement>(null);
  const { start, end } = useRowWindow(viewport, rows.length, ROW_HEIGHT);

  // Keep the cursor row on screen when the keyboard (or a reveal) moves it.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || cursorIndex < 0) return;
    const top = scrollTopRevealing(cursorIndex, element.scrollTop, element.clientHeight, ROW_HEIGHT);
    if (top !== element.scrollTop) element.scrollTop = top;
  }, [cursorIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = outlineKeyAction(event.key, rows, cursor, model.items);
    if (!action) return;
    event.preventDefault();
    applyOutlineAction(model, action);
  };

  return (
    <nav className="outline-panel" aria-label="Outline">
      <div className="panel-title">Outline</div>
      <div
        ref={viewport}
        className="outline"
        role="tree"
        aria-label="KHO tree"
        tabIndex={0}
        aria-activedescendant={cursorIndex >= 0 ? outlineRowId(rows[cursorIndex].item) : undefined}
        onKeyDown={onKeyDown}
        data-testid="outline"
      >
        <div role="none" className="outline__space" style={{ height: rows.length * ROW_HEIGHT }}>
          <div role="none" style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}>
            {rows.slice(start, end).map((row) => (
              <OutlineRowView
                key={row.item}
                row={row}
                item={model.items[row.item]}
                badges={badges}
                height={ROW_HEIGHT}
                edited={isEditedFragment(model.items[row.item], changed)}
              />
            ))}
          </div>
        </div>
      </div>
    </nav>
  );
}

/** Whether `item` is the row of a fragment an edit changed (the graph marks the same fragments' cards). */
function isEditedFragment(item: OutlineItem, changed: ReadonlySet<string>): boolean {
  return item.kind === 'fragment' && item.selection.kind === 'fragment' && changed.has(item.selection.fragment);
}

function applyOutlineAction(model: OutlineModel, action: OutlineAction): void {
  const outline = useOutlineStore.getState();
  switch (action.kind) {
    case 'move':
      outline.setCursor(action.item);
      // The selection follows the cursor; stepping is not recorded for Back.
      select(model.items[action.item].selection, false);
      break;
    case 'expand':
      outline.setExpanded(action.item, true);
      break;
    case 'collapse':
      outline.setExpanded(action.item, false);
      break;
    case 'select':
      select(model.items[action.item].selection);
      break;
    case 'follow':
      followLink(action.link);
      break;
  }
}
