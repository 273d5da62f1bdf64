import type { MouseEvent } from 'react';
import type { BadgeSummary } from './model/diagnosticBadges';
import type { GraphActions } from './GraphActions';
import { ROLE_LABEL } from '../roles/roleLabel';

/**
 * A badge counting diagnostics, coloured by the worst one; clicking it
 * selects that diagnostic (the diagnostics panel and the other views follow).
 * A consumed root's expected problems (notes) name that root and its role.
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
  const { expected } = summary;
  const where = expected ? `, expected in the ${ROLE_LABEL[expected.role]} root ${expected.root}` : '';
  return (
    <button
      type="button"
      className={`graph-badge graph-badge--${summary.worst}${expected ? ' graph-badge--expected' : ''}${large ? ' graph-badge--large' : ''}`}
      title={`${summary.count} ${noun}, worst: ${summary.worst}${where} (click to select)`}
      aria-label={`${summary.count} ${noun}, worst ${summary.worst}${where}`}
      onClick={onClick}
    >
      {summary.count}
    </button>
  );
}
