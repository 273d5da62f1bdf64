import { formatDiagnostic, type KhoGraph } from '../../../core/kho';
import { Facts } from '../../components/Facts';
import { SeverityIcon } from '../../components/SeverityIcon';
import { ExpectedTag } from '../roles/ExpectedTag';
import { InspectorHeading } from './InspectorHeading';

/** A diagnostic that names no place of its own (a remark about the whole image). */
export function DiagnosticInspector({ graph, index }: { graph: KhoGraph; index: number }) {
  const diagnostic = graph.diagnostics[index];
  if (!diagnostic) return <p className="empty-hint">This diagnostic is not in the open graph.</p>;
  return (
    <article aria-label="Diagnostic">
      <InspectorHeading
        kind="diagnostic"
        name={diagnostic.code}
        detail={<SeverityIcon severity={diagnostic.severity} />}
      />
      <p>{diagnostic.message}</p>
      <Facts
        facts={[
          [
            'severity',
            diagnostic.expected ? (
              <>
                {diagnostic.severity} (strictly {diagnostic.expected.strictly}), expected in{' '}
                <ExpectedTag diagnostic={diagnostic} />
              </>
            ) : (
              diagnostic.severity
            ),
          ],
          ['as text', <span className="mono">{formatDiagnostic(diagnostic)}</span>],
        ]}
      />
    </article>
  );
}
