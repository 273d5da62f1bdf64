import type { MouseEvent } from 'react';
import type { BadgeSummary } from './model/diagnosticBadges';
import type { GraphActions } from './GraphActions';

/**
 * A badge counting diagnostics, coloured by the worst one; clicking it
 * selects that diagnostic (the diagnostics panel and the other views follow).
 */
export function DiagnosticBadge({
  summary,
  actions,
  large = false,
}: {
  summary: BadgeSummary;
  actions: GraphActions;
  large?: boolean;
}) {
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    actions.select({ kind: 'diagnostic', index: summary.first });
  };
  const noun = summary.count === 1 ? 'diagnostic' : 'diagnostics';
  return (
    <button
      type="button"
      className={`graph-badge graph-badge--${summary.worst}${large ? ' graph-badge--large' : ''}`}
      title={`${summary.count} ${noun}, worst: ${summary.worst} (click to select)`}
      aria-label={`${summary.count} ${noun}, worst ${summary.worst}`}
      onClick={onClick}
    >
      {summary.count}
    </button>
  );
}
