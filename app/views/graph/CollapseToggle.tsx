import type { MouseEvent } from 'react';
import type { GraphCard } from './model/GraphScene';
import type { GraphActions } from './GraphActions';

/** The button on a card's right edge that hides or shows the subtree under it. */
export function CollapseToggle({
  card,
  collapsed,
  actions,
}: {
  card: GraphCard;
  collapsed: boolean;
  actions: GraphActions;
}) {
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    actions.toggle(card.id);
  };
  const label = collapsed
    ? `Expand ${card.descendants} hidden ${card.descendants === 1 ? 'card' : 'cards'}`
    : `Collapse the ${card.descendants} ${card.descendants === 1 ? 'card' : 'cards'} below`;
  return (
    <button
      type="button"
      className="gcard__toggle"
      data-collapsed={collapsed || undefined}
      onClick={onClick}
      title={label}
      aria-label={label}
      aria-expanded={!collapsed}
    >
      {collapsed ? `+${card.descendants}` : '−'}
    </button>
  );
}
