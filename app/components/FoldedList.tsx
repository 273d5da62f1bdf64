import { useState, type ReactNode } from 'react';

/** Items a folded list shows at first, and how many more each click on its button adds. */
export const FOLDED_LIST_STEP = 100;

/**
 * A list that shows its first `FOLDED_LIST_STEP` items and a button for the
 * next as many, so a fragment with 10,000 nodes or links cannot put tens of
 * thousands of elements into the inspector (a selection change then spends
 * its time creating and removing them). `render` returns one `<li>` with a key.
 */
export function FoldedList<T>({
  items,
  render,
  className,
}: {
  items: readonly T[];
  render: (item: T, index: number) => ReactNode;
  className: string;
}) {
  const [shown, setShown] = useState(FOLDED_LIST_STEP);
  const rest = items.length - shown;
  return (
    <>
      <ul className={className}>{items.slice(0, shown).map(render)}</ul>
      {rest > 0 && (
        <button
          type="button"
          className="link-button fold-button"
          onClick={() => setShown(shown + FOLDED_LIST_STEP)}
          data-testid="folded-list-more"
        >
          show {Math.min(rest, FOLDED_LIST_STEP)} more of {items.length.toLocaleString('en-US')} (
          {rest.toLocaleString('en-US')} not shown)
        </button>
      )}
    </>
  );
}
