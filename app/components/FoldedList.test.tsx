import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FOLDED_LIST_STEP, FoldedList } from './FoldedList';

const list = (count: number) =>
  renderToStaticMarkup(
    <FoldedList
      className="child-list"
      items={Array.from({ length: count }, (_, i) => i)}
      render={(i) => <li key={i}>item {i}</li>}
    />,
  );

describe('FoldedList', () => {
  it('lists a short list whole, with no button', () => {
    const html = list(FOLDED_LIST_STEP);
    expect(html.match(/<li>/g)).toHaveLength(FOLDED_LIST_STEP);
    expect(html).not.toContain('<button');
  });

  it('shows the first entries of a long one and says how many are not shown', () => {
    const html = list(10_000);
    expect(html.match(/<li>/g)).toHaveLength(FOLDED_LIST_STEP);
    expect(html).toContain(`item ${FOLDED_LIST_STEP - 1}<`);
    expect(html).not.toContain(`item ${FOLDED_LIST_STEP}<`);
    expect(html).toContain('show 100 more of 10,000 (9,900 not shown)');
  });
});
