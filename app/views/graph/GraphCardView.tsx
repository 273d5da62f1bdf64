import { memo, type CSSProperties, type MouseEvent } from 'react';
import { CARD } from './model/cardGeometry';
import type { CardRow, GraphCard, KeyProperty } from './model/GraphScene';
import type { CardMark } from './CardMark';
import { DiagnosticBadge } from './DiagnosticBadge';
import type { GraphActions } from './GraphActions';
import { PageChipLines } from './PageChipLines';
import { CollapseToggle } from './CollapseToggle';
import { selectionKey } from '../../explore/selectionKey';
import { useCompareMark } from '../compare/useCompareMark';

/** Props of one card at full detail. */
export interface GraphCardViewProps {
  card: GraphCard;
  x: number;
  y: number;
  mark: CardMark;
  /** An edit changed this fragment. */
  changed: boolean;
  /** Key of the selected row, when the selection is in this card. */
  selectedRow: string | null;
  /** Name of the selected key property. */
  selectedProperty: string | null;
  collapsed: boolean;
  /**
   * The rows in the render window, `[rowStart, rowEnd)`: a card whose rows
   * reach far out of the view (a root with thousands of children owns a row
   * per child) puts only those in the DOM.
   */
  rowStart: number;
  rowEnd: number;
  actions: GraphActions;
}

/**
 * A fragment card at full detail: owner path and owning property, compatible,
 * size and place, the page chips, key properties, and the rows of its
 * in-place nodes (or raw fields), with diagnostic badges where they belong.
 * Every section sits at the y computed in the scene, so edges meet the rows.
 */
export const GraphCardView = memo(function GraphCardView({
  card,
  x,
  y,
  mark,
  changed,
  selectedRow,
  selectedProperty,
  collapsed,
  rowStart,
  rowEnd,
  actions,
}: GraphCardViewProps) {
  const style = { left: x, top: y, height: card.height, '--hue': card.hue } as CSSProperties;
  const compared = useCompareMark(
    card.fragment === null ? '' : selectionKey({ kind: 'fragment', fragment: card.fragment }),
  );
  const select = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(card.selection);
  };
  const edit = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    actions.edit(card.selection);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: role=group names a card for assistive technology; <fieldset> is for form controls
    // biome-ignore lint/a11y/useKeyWithClickEvents: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <div
      className={`gcard${card.fragment === null ? ' gcard--stand-in' : ''}`}
      style={style}
      data-card={card.id}
      data-mark={mark ?? undefined}
      data-compare={compared}
      data-changed={changed || undefined}
      onClick={select}
      onContextMenu={edit}
      role="group"
      aria-label={`${card.title} (${card.id})`}
    >
      <div className="gcard__title" title={card.via ? `${card.title} (via ${card.via})` : card.title}>
        <span className="gcard__path">{card.title}</span>
        {card.via && <span className="gcard__via">{card.via}</span>}
        {card.badge && <DiagnosticBadge summary={card.badge} actions={actions} />}
      </div>
      <div className="gcard__meta" title={`${card.meta} (id ${card.id})`}>
        {card.meta}
      </div>
      {card.problem && (
        <div className="gcard__problem" title={card.problem}>
          {card.problem}
        </div>
      )}
      {card.chipLines.length > 0 && <PageChipLines lines={card.chipLines} top={card.chipsY} />}
      {card.properties.length > 0 && (
        <div className="gcard__properties" style={{ top: card.propertiesY }}>
          {card.properties.map((property, i) => (
            <PropertyLine key={i} property={property} selected={property.name === selectedProperty} actions={actions} />
          ))}
        </div>
      )}
      {card.rows.length > 0 && (
        <div className="gcard__rows" style={{ top: card.rowsY + rowStart * CARD.rowHeight }}>
          {card.rows.slice(rowStart, rowEnd).map((row) => (
            <RowView key={row.key} row={row} selected={row.key === selectedRow} actions={actions} />
          ))}
          {card.hiddenRows > 0 && rowEnd >= card.rows.length && (
            <div className="gcard__row gcard__row--more" style={{ height: CARD.rowHeight }}>
              … {card.hiddenRows} more {card.hiddenRows === 1 ? 'row' : 'rows'}
            </div>
          )}
        </div>
      )}
      {card.children.length > 0 && <CollapseToggle card={card} collapsed={collapsed} actions={actions} />}
    </div>
  );
});

/** Memoised, like `RowView`: a selection change re-renders only the lines whose `selected` flips. */
const PropertyLine = memo(function PropertyLine({
  property,
  selected,
  actions,
}: {
  property: KeyProperty;
  selected: boolean;
  actions: GraphActions;
}) {
  const selection = property.selection;
  const onClick = selection
    ? (event: MouseEvent) => {
        event.stopPropagation();
        actions.select(selection);
      }
    : undefined;
  const onContextMenu = selection
    ? (event: MouseEvent) => {
        event.preventDefault();
        event.stopPropagation();
        actions.edit(selection);
      }
    : undefined;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <div
      className={`gcard__property${property.name === '' ? ' gcard__property--summary' : ''}`}
      data-selected={selected || undefined}
      onClick={onClick}
      onContextMenu={onContextMenu}
      title={property.name ? `${property.name} = ${property.text}` : property.text}
    >
      {property.name && <span className="gcard__property-name">{property.name}</span>}
      <span className="gcard__property-value">{property.text}</span>
    </div>
  );
});

/**
 * One node or field row. Memoised (its row comes from the scene, `actions`
 * is stable), so a selection change re-renders the two rows whose `selected`
 * flips, not every row of a card with thousands.
 */
const RowView = memo(function RowView({
  row,
  selected,
  actions,
}: {
  row: CardRow;
  selected: boolean;
  actions: GraphActions;
}) {
  const compared = useCompareMark(selectionKey(row.selection));
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select(row.selection);
  };
  const onContextMenu = (event: MouseEvent) => {
    event.preventDefault();
    event.stopPropagation();
    actions.edit(row.selection);
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: pointer shortcut on the pannable graph; the keyboard reaches every selection through the outline tree and search
    <div
      className="gcard__row"
      style={{ height: CARD.rowHeight, paddingLeft: 6 + row.depth * 14 }}
      data-row={row.key}
      data-selected={selected || undefined}
      data-compare={compared}
      onClick={onClick}
      onContextMenu={onContextMenu}
    >
      <span className="gcard__row-label">{row.label}</span>
      {row.detail !== null && <span className="gcard__row-detail">{row.detail}</span>}
      {row.badge && <DiagnosticBadge summary={row.badge} actions={actions} />}
      {row.links > 0 && (
        <span
          className="gcard__row-link"
          title={row.links === 1 ? 'a link starts here' : `${row.links} links start here`}
        >
          →
        </span>
      )}
    </div>
  );
});
