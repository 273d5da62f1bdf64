import type { Diagnostic } from '../kho/model/Diagnostic';

/**
 * The diagnostics of an edited graph that the input did not have: those
 * whose code and message (which names the place) appear more often after
 * the edit than before. What an edit costs, shown before anything is written.
 */
export function addedDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const counts = new Map<string, number>();
  for (const diagnostic of before) counts.set(keyOf(diagnostic), (counts.get(keyOf(diagnostic)) ?? 0) + 1);
  const added: Diagnostic[] = [];
  for (const diagnostic of after) {
    const left = counts.get(keyOf(diagnostic)) ?? 0;
    if (left > 0) counts.set(keyOf(diagnostic), left - 1);
    else added.push(diagnostic);
  }
  return added;
}

function keyOf(diagnostic: Diagnostic): string {
  return `${diagnostic.code}\n${diagnostic.message}`;
}
