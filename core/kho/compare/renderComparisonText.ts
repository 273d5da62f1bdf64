import { hex } from '../../bytes/readers';
import type { Change, ChangeKind, ComparedSide, ComparedValue, GraphComparison } from './GraphComparison';

/** The mark each kind of change gets at the start of its line, as `diff -u` marks lines. */
const MARKS: Record<ChangeKind, string> = { added: '+', removed: '-', changed: '~', moved: '>' };

/**
 * A comparison as text for a terminal: a `---`/`+++` header naming both
 * roots, then one block per fragment place with a change, one marked line
 * per change (`+` added, `-` removed, `~` changed, `>` a pointer that moved)
 * with both values in their typed reading, and a closing count.
 */
export function renderComparisonText(comparison: GraphComparison): string {
  const lines = [`--- a: ${sideText(comparison.a)}`, `+++ b: ${sideText(comparison.b)}`];
  let path: string | null = null;
  for (const change of comparison.changes) {
    if (change.path !== path) {
      path = change.path;
      lines.push(`fragment ${path}  (${change.fragmentA ?? 'none'} → ${change.fragmentB ?? 'none'})`);
    }
    lines.push(`  ${MARKS[change.kind]} ${changeText(change)}`);
  }
  if (comparison.droppedChanges > 0)
    lines.push(`  … ${comparison.droppedChanges} more change(s) not listed (limit reached)`);
  const { added, removed, changed, moved } = comparison.counts;
  lines.push(
    `${added} added, ${removed} removed, ${changed} changed, ${moved} moved pointer(s): ${comparison.equal ? 'the trees are equal' : 'the trees differ'}`,
  );
  return `${lines.join('\n')}\n`;
}

function sideText(side: ComparedSide): string {
  const root = side.rootAddress === null ? `root ${side.rootFragment}` : `root ${hex(side.rootAddress)}`;
  return `${side.label} ${root}${side.compatible ? ` (${side.compatible})` : ''}`;
}

function changeText(change: Change): string {
  const where = [change.level, change.node, change.name].filter((part) => part !== null).join(' ');
  if (change.level === 'fragment' && change.name === null) return change.summary;
  if (change.before && change.after) return `${where}: ${valueText(change.before)} → ${valueText(change.after)}`;
  if (change.before) return `${where}: ${valueText(change.before)}`;
  if (change.after) return `${where}: ${valueText(change.after)}`;
  return change.summary;
}

function valueText(value: ComparedValue): string {
  return value.reading ? `${value.text} (${value.reading})` : value.text;
}
