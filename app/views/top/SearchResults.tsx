import { useLayoutEffect, useRef } from 'react';
import type { SearchResult } from '../../search/SearchEntry';
import { MAX_RESULTS } from '../../search/searchGraph';

/** The DOM id of result `index`, which the search box names as its active descendant. */
export function searchResultId(index: number): string {
  return `search-result-${index}`;
}

/** The results under the search box: what, where, and why it matched; the highlighted one is kept in view. */
export function SearchResults({
  results,
  active,
  onChoose,
}: {
  results: readonly SearchResult[];
  active: number;
  onChoose: (index: number) => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `active` is the trigger: the highlighted result moved
  useLayoutEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <div className="search__results" data-testid="search-results">
      <div className="search__count" role="status">
        {results.length === 0
          ? 'No matches'
          : results.length === MAX_RESULTS
            ? `first ${MAX_RESULTS} matches`
            : `${results.length} ${results.length === 1 ? 'match' : 'matches'}`}
      </div>
      <div ref={list} id="search-results" role="listbox" aria-label="Search results">
        {results.map((result, index) => (
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox, which points here by aria-activedescendant
          <div
            key={index}
            id={searchResultId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'search__result search__result--active' : 'search__result'}
            // mousedown, not click: the input keeps focus, so the keys go on working.
            onMouseDown={(event) => {
              event.preventDefault();
              onChoose(index);
            }}
          >
            <span className="search__title mono">{result.title}</span>
            <span className="search__context mono">{result.context}</span>
            <span className="search__reason">{result.reason}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
