import type { Diagnostic, ExpectedProblem, Severity } from '../../../../core/kho';

/** What a badge shows: how many diagnostics, the worst severity, and the first one (selected on click). */
export interface BadgeSummary {
  count: number;
  worst: Severity;
  /** Index in `graph.diagnostics` of the first (most severe, then earliest) diagnostic. */
  first: number;
  /** When every one is a consumed root's expected problem (judgeByRole): the first's root and role; else null. */
  expected: ExpectedProblem | null;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Diagnostics counted per fragment (for the card badge) and per row (for the
 * badge on the exact node or raw field they concern). Rows are keyed like
 * `rowKey` keys them.
 */
export interface DiagnosticBadges {
  fragment(fragment: string): BadgeSummary | undefined;
  row(fragment: string, rowKey: string): BadgeSummary | undefined;
}

/**
 * The row a place belongs to: an FDT node by its path, a raw-struct field
 * by `field:` + its path (raw fields have no node). Null when neither is set.
 */
export function rowKey(node: string | undefined, property: string | undefined): string | null {
  if (node) return node;
  if (property) return `field:${property}`;
  return null;
}

/** Groups the diagnostics by fragment and by row, keeping count, worst severity and the first index. */
export function diagnosticBadges(diagnostics: readonly Diagnostic[]): DiagnosticBadges {
  const byFragment = new Map<string, BadgeSummary>();
  const byRow = new Map<string, BadgeSummary>();
  diagnostics.forEach((diagnostic, index) => {
    const { fragment, node, property } = diagnostic.location;
    if (fragment === undefined) return;
    count(byFragment, fragment, diagnostic, index);
    const key = rowKey(node, property);
    if (key !== null) count(byRow, `${fragment}\n${key}`, diagnostic, index);
  });
  return {
    fragment: (fragment) => byFragment.get(fragment),
    row: (fragment, key) => byRow.get(`${fragment}\n${key}`),
  };
}

function count(map: Map<string, BadgeSummary>, key: string, diagnostic: Diagnostic, index: number): void {
  const { severity } = diagnostic;
  const summary = map.get(key);
  if (!summary) {
    map.set(key, { count: 1, worst: severity, first: index, expected: diagnostic.expected ?? null });
    return;
  }
  summary.count++;
  if (!diagnostic.expected) summary.expected = null;
  if (RANK[severity] > RANK[summary.worst]) {
    summary.worst = severity;
    summary.first = index;
  }
}
