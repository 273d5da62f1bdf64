import type { Change, ComparedValue, GraphComparison } from '../../../core/kho';
import { downloadBytes } from '../../components/downloadBytes';
import type { Selection } from '../../model/Selection';
import { select } from '../../state/select';
import type { ShownSide } from './compareMarks';
import { useCompareStore } from './compareStore';

/** The word and the mark of each kind of change. */
const KINDS = {
  added: { mark: '+', word: 'added' },
  removed: { mark: '−', word: 'removed' },
  changed: { mark: '~', word: 'changed' },
  moved: { mark: '→', word: 'moved' },
} as const;

/**
 * The differences as a list, one group per fragment place, each change with
 * both values side by side in their typed reading. A change whose place
 * exists in the shown graph selects it when clicked.
 */
export function ChangeList({ comparison }: { comparison: GraphComparison }) {
  const showMoved = useCompareStore((state) => state.showMoved);
  const setShowMoved = useCompareStore((state) => state.setShowMoved);
  const changes = showMoved ? comparison.changes : comparison.changes.filter((change) => change.kind !== 'moved');
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const group = groups.get(change.path);
    if (group) group.push(change);
    else groups.set(change.path, [change]);
  }
  const { added, removed, changed, moved } = comparison.counts;
  return (
    <div className="compare-list" data-testid="compare-list">
      <div className="compare-list__head">
        <div className="compare-list__sides">
          <span>
            <span className="compare-side compare-side--a">a</span> {comparison.a.label}
            {comparison.a.compatible && <span className="dim"> ({comparison.a.compatible})</span>}
          </span>
          <span>
            <span className="compare-side compare-side--b">b</span> {comparison.b.label}
            {comparison.b.compatible && <span className="dim"> ({comparison.b.compatible})</span>}
          </span>
        </div>
        <div className="toolbar">
          <strong data-testid="compare-summary">
            {comparison.equal ? 'The trees are equal' : 'The trees differ'}: {added} added, {removed} removed, {changed}{' '}
            changed
          </strong>
          <label className="dim">
            <input type="checkbox" checked={showMoved} onChange={(event) => setShowMoved(event.target.checked)} /> show{' '}
            {moved} moved pointer{moved === 1 ? '' : 's'}
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              downloadBytes(
                'khoscope-comparison.json',
                new TextEncoder().encode(`${JSON.stringify(comparison, null, 2)}\n`),
                'application/json',
              )
            }
          >
            Download JSON
          </button>
        </div>
        {comparison.droppedChanges > 0 && (
          <p className="dim">{comparison.droppedChanges} more changes were found and not listed (limit reached).</p>
        )}
      </div>
      {groups.size === 0 && <p className="compare-panel__note dim">Nothing to list.</p>}
      {[...groups].map(([path, group]) => (
        <section key={path} className="compare-group" aria-label={`fragment ${path}`}>
          <h4 className="compare-group__title">
            <span className="mono">{path}</span>{' '}
            <span className="dim mono">
              {group[0].fragmentA ?? 'none'} → {group[0].fragmentB ?? 'none'}
            </span>
          </h4>
          <table className="compare-table">
            <thead>
              <tr>
                <th aria-label="kind" />
                <th>where</th>
                <th>a (before)</th>
                <th>b (after)</th>
              </tr>
            </thead>
            <tbody>
              {group.map((change, i) => (
                <ChangeRow key={i} change={change} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function ChangeRow({ change }: { change: Change }) {
  const shown = useCompareStore((state) => state.shown);
  const place = placeOf(change, shown);
  const kind = KINDS[change.kind];
  return (
    <tr
      className={`compare-row compare-row--${change.kind}${place ? ' compare-row--selectable' : ''}`}
      data-kind={change.kind}
      title={change.summary}
      onClick={place ? () => select(place) : undefined}
    >
      <td className="compare-row__mark" aria-label={kind.word}>
        {kind.mark}
      </td>
      <td className="compare-row__where">
        {/* A fragment or node change's summary names its level itself. */}
        {change.name !== null && <span className="dim">{change.level} </span>}
        {whereText(change)}
      </td>
      <td>{change.before ? <ValueCell value={change.before} /> : <span className="dim">—</span>}</td>
      <td>{change.after ? <ValueCell value={change.after} /> : <span className="dim">—</span>}</td>
    </tr>
  );
}

function ValueCell({ value }: { value: ComparedValue }) {
  return (
    <div className="compare-value" title={value.bytes ? `${value.length} bytes: ${value.bytes}` : undefined}>
      <span className="mono">{value.text}</span>
      {value.reading && <span className="compare-value__reading">{value.reading}</span>}
    </div>
  );
}

function whereText(change: Change): string {
  if (change.name === null) return change.summary;
  return [change.node, change.name].filter((part) => part !== null).join(' ');
}

/** The place in the shown graph a change is about, when it has one there. */
function placeOf(change: Change, shown: ShownSide): Selection | null {
  const fragment = shown === 'a' ? change.fragmentA : change.fragmentB;
  if (fragment === null) return null;
  // What is only on the other side has no place here but its fragment.
  const absent = shown === 'a' ? 'added' : 'removed';
  if (change.level === 'property' && change.node !== null && change.name !== null && change.kind !== absent)
    return { kind: 'property', fragment, node: change.node, property: change.name };
  if (change.level === 'field' && change.name !== null && change.kind !== absent)
    return { kind: 'property', fragment, node: '', property: change.name };
  if ((change.level === 'property' || change.level === 'node') && change.node !== null && change.kind !== absent)
    return { kind: 'node', fragment, node: change.node };
  return { kind: 'fragment', fragment };
}
