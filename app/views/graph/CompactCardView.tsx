import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { GraphCard } from './model/GraphScene';
import type { CardMark } from './CardMark';
import { DiagnosticBadge } from './DiagnosticBadge';
import type { GraphActions } from './GraphActions';
import { CollapseToggle } from './CollapseToggle';

/**
 * A card when zoomed out: the same box, showing only the last part of the
 * owner path and the compatible in large type (readable down to a fifth of
 * the size), the badge and the collapse toggle. Much cheaper than the full
 * card, so many fit on screen.
 */
export const CompactCardView = memo(function CompactCardView({
  card,
  x,
  y,
  mark,
  changed,
  collapsed,
  actions,
}: {
  card: GraphCard;
  x: number;
  y: number;
  mark: CardMark;
  /** An edit changed this fragment. */
  changed: boolean;
  collapsed: boolean;
  actions: GraphActions;
}) {
  const style = { left: x, top: y, height: card.height, '--hue': card.hue } as CSSProperties;
  const select = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(card.selection);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=group names a card for assistive technology; <fieldset> is for form controls
    // biome-ignore lint/a11y/useKeyWithClickEvents: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <div
      className={`gcard gcard--compact${card.fragment === null ? ' gcard--stand-in' : ''}`}
      style={style}
      data-card={card.id}
      data-mark={mark ?? undefined}
      data-changed={changed || undefined}
      onClick={select}
      role="group"
      aria-label={`${card.title} (${card.id})`}
    >
      <div className="gcard__big-title" title={card.title}>
        {lastSegment(card.title)}
      </div>
      <div className="gcard__big-meta">{card.meta.split(' · ')[0]}</div>
      {card.badge && <DiagnosticBadge summary={card.badge} actions={actions} large />}
      {card.children.length > 0 && <CollapseToggle card={card} collapsed={collapsed} actions={actions} />}
    </div>
  );
});

/** `sessions[0].files[0].data` of `/LUO › sessions[0].files[0].data`, `node1` of `/gpu/node1`. */
function lastSegment(title: string): string {
  const field = title.lastIndexOf(' › ');
  if (field >= 0) return title.slice(field + 3);
  const slash = title.lastIndexOf('/');
  return slash >= 0 && slash < title.length - 1 ? title.slice(slash + 1) : title;
}
