import { useMemo } from 'react';
import type { DiagnosticLocation, KhoGraph } from '../../../core/kho';
import { SeverityIcon } from '../../components/SeverityIcon';
import { diagnosticPlace } from '../../explore/diagnosticPlace';
import { graphIndexOf } from '../../explore/GraphIndex';
import { selectionKey } from '../../explore/selectionKey';
import { formatHex } from '../../format/formatHex';
import { select } from '../../state/select';
import { useSelectionStore } from '../../state/selectionStore';
import { ExpectedTag } from '../roles/ExpectedTag';

/**
 * One diagnostic: a click selects its place (or the diagnostic itself when it
 * names none). A consumed root's expected problem is a note tagged with that
 * root's role.
 */
export function DiagnosticRow({ graph, index, height }: { graph: KhoGraph; index: number; height: number }) {
  const diagnostic = graph.diagnostics[index];
  const place = useMemo(
    () => diagnosticPlace(graphIndexOf(graph), diagnostic) ?? { kind: 'diagnostic' as const, index },
    [graph, diagnostic, index],
  );
  const key = selectionKey(place);
  const here = useSelectionStore((state) => state.selection !== null && selectionKey(state.selection) === key);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualized list puts spacer divs between list and rows, which <ul> forbids
    <div
      role="listitem"
      className={here ? 'diagnostic-row diagnostic-row--here' : 'diagnostic-row'}
      style={{ height }}
      title={diagnostic.message}
      data-code={diagnostic.code}
    >
      {/* A button, so that Tab and Enter reach every problem as a click does. */}
      <button type="button" className="diagnostic-row__open" onClick={() => select(place)}>
        <SeverityIcon severity={diagnostic.severity} />
        <span className="diagnostic-row__code mono">{diagnostic.code}</span>
        {/* An expected problem of a consumed root: its root and role, then what it says (the tooltip has why). */}
        <ExpectedTag diagnostic={diagnostic} />
        <span className="diagnostic-row__message">{diagnostic.expected?.original ?? diagnostic.message}</span>
        <span className="diagnostic-row__place mono">{placeText(diagnostic.location)}</span>
      </button>
    </div>
  );
}

/** The place in words: `0x23a000 /memblock preserved-data +0x48 @0x1847000`. */
function placeText(location: DiagnosticLocation): string {
  const parts: string[] = [];
  if (location.fragment !== undefined) parts.push(location.fragment);
  if (location.node) parts.push(location.node);
  if (location.property) parts.push(location.property);
  if (location.offset !== undefined) parts.push(`+${formatHex(location.offset)}`);
  if (location.address !== undefined) parts.push(`@${formatHex(location.address)}`);
  return parts.join(' ') || 'whole image';
}
