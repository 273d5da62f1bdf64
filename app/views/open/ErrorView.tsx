import { OpenFileButton } from '../../components/OpenFileButton';
import { useDocumentStore } from '../../state/documentStore';

/** Why the image could not be opened: the problem in plain words, where it is, and what to try. */
export function ErrorView() {
  const problem = useDocumentStore((state) => state.problem);
  const label = useDocumentStore((state) => state.label);
  if (!problem) return null;
  return (
    <main className="screen">
      <section className="screen__card screen__card--error" role="alert" aria-labelledby="problem-title">
        <h2 id="problem-title">Could not open {label}</h2>
        <p className="problem__headline">{problem.headline}</p>
        <dl className="problem__facts">
          <dt>Reason</dt>
          <dd data-testid="problem-reason">{problem.reason}</dd>
          {problem.where && (
            <>
              <dt>Where</dt>
              <dd className="mono" data-testid="problem-where">
                {problem.where}
              </dd>
            </>
          )}
          {problem.firstBytes && (
            <>
              <dt>File starts with</dt>
              <dd className="mono">{problem.firstBytes}</dd>
            </>
          )}
        </dl>
        <p className="problem__hint" data-testid="problem-hint">
          {problem.hint}
        </p>
        <div className="problem__actions">
          <OpenFileButton label="Open another image" primary />
        </div>
      </section>
    </main>
  );
}
