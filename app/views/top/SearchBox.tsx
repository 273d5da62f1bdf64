import { useEffect, useMemo } from 'react';
import type { KeyboardEvent } from 'react';
import { SEARCH_INPUT_ID } from '../../commands/appCommands';
import { sameSelection } from '../../explore/selectionKey';
import { searchEntriesOf } from '../../search/buildSearchEntries';
import { searchGraph } from '../../search/searchGraph';
import { useDocumentStore } from '../../state/documentStore';
import { select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';
import { useUiStore } from '../../state/uiStore';
import { SearchResults, searchResultId } from './SearchResults';

/**
 * Search over names, values and addresses of the whole graph (the browser's
 * own find cannot see into the graph). Enter selects the highlighted result
 * and moves on to the next, Shift+Enter goes back, arrows move the highlight.
 */
export function SearchBox() {
  const graph = useDocumentStore((state) => state.graph);
  const query = useUiStore((state) => state.searchQuery);
  const active = useUiStore((state) => state.searchActive);
  const open = useUiStore((state) => state.searchOpen);
  const results = useMemo(() => (graph ? searchGraph(graph, query) : []), [graph, query]);
  // The index is built once per graph: in the first idle moment after it opens, not on the first key.
  useEffect(() => (graph ? whenIdle(() => searchEntriesOf(graph)) : undefined), [graph]);

  const choose = (index: number) => {
    const result = results[index];
    if (!result) return;
    useUiStore.getState().setSearchActive(index);
    select(result.selection);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const ui = useUiStore.getState();
    if (results.length === 0) return;
    const step = (delta: number) => (active + delta + results.length) % results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      ui.setSearchOpen(true);
      ui.setSearchActive(step(event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      ui.setSearchOpen(true);
      // The first Enter takes the highlighted result; each further one steps on.
      const selected = sameSelection(useSelectionStore.getState().selection, results[active]?.selection ?? null);
      choose(selected ? step(event.shiftKey ? -1 : 1) : active);
    }
  };

  return (
    <search className="search">
      <input
        id={SEARCH_INPUT_ID}
        role="combobox"
        className="input search__input"
        type="search"
        placeholder="Search names, values, addresses  (/)"
        aria-label="Search the graph"
        aria-controls="search-results"
        aria-expanded={open && query.trim() !== ''}
        aria-activedescendant={open && results.length > 0 ? searchResultId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => useUiStore.getState().setSearchQuery(event.target.value)}
        onFocus={() => query.trim() !== '' && useUiStore.getState().setSearchOpen(true)}
        onKeyDown={onKeyDown}
      />
      {open && query.trim() !== '' && <SearchResults results={results} active={active} onChoose={choose} />}
    </search>
  );
}

/** Runs `work` when the browser is idle (or soon, where it cannot tell); returns how to cancel it. */
function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(work, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}
