import { describe, expect, it } from 'vitest';
import { selectionKey } from '../../explore/selectionKey';
import { outlineModelOf } from '../../outline/buildOutlineModel';
import { defaultExpanded } from '../../outline/defaultExpanded';
import { visibleRows } from '../../outline/visibleRows';
import { useDocumentStore } from '../../state/documentStore';
import { useOutlineStore } from '../../state/outlineStore';
import { select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';
import { syntheticGraph } from '../graph/testing/syntheticGraph';
import { isCursorRow, isSelectedRow, OutlineRowView } from './OutlineRowView';

// The unit tests run without a DOM, so React is not run here: this counts the
// re-renders a selection change causes from what drives them. An outline row
// is memoised, so it renders again only when its props change or one of its
// two store selectors gives a new answer; the e2e suite checks what shows.
describe('a selection change in a 10,000-fragment outline', () => {
  const graph = syntheticGraph({ fragments: 10_000, seed: 7 });
  const model = outlineModelOf(graph);
  useDocumentStore.setState({ graph });
  useOutlineStore.getState().reset(defaultExpanded(model.items), null);
  useSelectionStore.getState().reset(null);
  const rows = visibleRows(model.items, model.top, useOutlineStore.getState().expanded);
  /** Per visible row: [selected, under the cursor], as the row's selectors see the stores now. */
  const rowStates = () =>
    rows.map((row) => [
      isSelectedRow(selectionKey(model.items[row.item].selection))(useSelectionStore.getState()),
      isCursorRow(row.item)(useOutlineStore.getState()),
    ]);

  it('re-renders only the rows whose selected or cursor state flips, not the thousands listed', () => {
    expect(rows.length).toBeGreaterThan(10_000);
    expect((OutlineRowView as unknown as { $$typeof: symbol }).$$typeof).toBe(Symbol.for('react.memo'));
    const [first, second] = rows.filter((row) => model.items[row.item].kind === 'fragment').slice(100);
    useOutlineStore.getState().setCursor(first.item);
    select(model.items[first.item].selection);
    const expanded = useOutlineStore.getState().expanded;
    const before = rowStates();

    // As a click on the second row does (OutlineRowView's `choose`).
    useOutlineStore.getState().setCursor(second.item);
    select(model.items[second.item].selection);

    // Nothing was expanded, so the outline keeps its lines and every row its props ...
    expect(useOutlineStore.getState().expanded).toBe(expanded);
    // ... and the selectors change their answer for the two rows alone.
    const after = rowStates();
    const rendered = rows.filter((_, i) => after[i][0] !== before[i][0] || after[i][1] !== before[i][1]);
    expect(rendered.map((row) => row.item)).toEqual([first.item, second.item]);
  });
});
