import type { KhoGraph, Severity } from '../../core/kho';
import { diagnosticsByPlace } from './diagnosticsByPlace';

/** The diagnostics about one place: how many, and the worst severity among them. */
export interface DiagnosticBadge {
  count: number;
  worst: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const badgesOf = new WeakMap<KhoGraph, Map<string, DiagnosticBadge>>();

/** The badge of every place that has diagnostics, by `selectionKey` of the place; built once per graph. */
export function diagnosticBadges(graph: KhoGraph): Map<string, DiagnosticBadge> {
  let badges = badgesOf.get(graph);
  if (badges) return badges;
  badges = new Map();
  for (const [key, indexes] of diagnosticsByPlace(graph)) {
    let worst: Severity = 'info';
    for (const i of indexes)
      if (RANK[graph.diagnostics[i].severity] > RANK[worst]) worst = graph.diagnostics[i].severity;
    badges.set(key, { count: indexes.length, worst });
  }
  badgesOf.set(graph, badges);
  return badges;
}
