import type { KhoGraph } from '../../../core/kho';
import { FoldedList } from '../../components/FoldedList';
import { Section } from '../../components/Section';
import { SeverityIcon } from '../../components/SeverityIcon';
import { diagnosticsByPlace } from '../../explore/diagnosticsByPlace';
import { selectionKey } from '../../explore/selectionKey';
import type { Selection } from '../../model/Selection';
import { ExpectedTag } from '../roles/ExpectedTag';

/** The diagnostics about exactly this place, in full (a long list folded); a consumed root's expected ones tagged with its role. */
export function DiagnosticsHere({ graph, place }: { graph: KhoGraph; place: Selection }) {
  const indexes = diagnosticsByPlace(graph).get(selectionKey(place)) ?? [];
  if (indexes.length === 0) return null;
  return (
    <Section title="Diagnostics here" testId="diagnostics-here">
      <FoldedList
        className="diagnostic-notes"
        items={indexes}
        render={(i) => {
          const diagnostic = graph.diagnostics[i];
          return (
            <li key={i} className={`diagnostic-note diagnostic-note--${diagnostic.severity}`}>
              <SeverityIcon severity={diagnostic.severity} /> <span className="mono dim">{diagnostic.code}</span>{' '}
              <ExpectedTag diagnostic={diagnostic} /> {diagnostic.message}
            </li>
          );
        }}
      />
    </Section>
  );
}
