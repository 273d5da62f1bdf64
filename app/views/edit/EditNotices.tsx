import type { Diagnostic } from '../../../core/kho';
import { discardSavedEdits, restoreSavedEdits } from '../../edit/editActions';
import { useDocumentStore } from '../../state/documentStore';
import { useEditStore } from '../../state/editStore';
import { select } from '../../state/select';
import { EditRefusal } from './EditRefusal';

/** No new problem (one shared empty list, so the store selector returns a stable value). */
const NOTHING_ADDED: readonly Diagnostic[] = [];

/**
 * Lines under the top bar about the edits: saved edits of this image to
 * restore, a refusal of undo/redo/restore, the problems the edit brings in
 * that the image did not have (what it costs, before anything is written),
 * and a failure to save the edits in the browser.
 */
export function EditNotices() {
  const offer = useEditStore((state) => state.offer);
  const added = useEditStore((state) => state.snapshot?.added ?? NOTHING_ADDED);
  const saveProblem = useEditStore((state) => state.saveProblem);
  const busy = useEditStore((state) => state.busy);
  const graph = useDocumentStore((state) => state.graph);
  return (
    <>
      {offer && (
        <div className="notice edit-offer" role="status" data-testid="restore-offer">
          <span>
            This browser kept {offer.done.length} edit{offer.done.length === 1 ? '' : 's'}
            {offer.redo.length > 0 ? ` (and ${offer.redo.length} undone)` : ''} of this image from{' '}
            {new Date(offer.savedAt).toLocaleString()}.
          </span>
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            onClick={() => void restoreSavedEdits()}
          >
            Restore the edits
          </button>
          <button type="button" className="button button--small" onClick={() => void discardSavedEdits()}>
            Discard them
          </button>
          <EditRefusal place="restore" />
        </div>
      )}
      <EditRefusal place="history" />
      {added.length > 0 && (
        <div className="notice edit-cost" role="status" data-testid="edit-cost">
          <strong>
            The edit brings in {added.length} problem{added.length === 1 ? '' : 's'} the image did not have:
          </strong>
          <ul>
            {added.map((diagnostic, i) => {
              const index =
                graph?.diagnostics.findIndex((d) => d.code === diagnostic.code && d.message === diagnostic.message) ??
                -1;
              return (
                <li key={i}>
                  <span className={`severity-text severity-text--${diagnostic.severity}`}>{diagnostic.severity}</span>{' '}
                  {index >= 0 ? (
                    <button type="button" className="link-button" onClick={() => select({ kind: 'diagnostic', index })}>
                      {diagnostic.code}
                    </button>
                  ) : (
                    diagnostic.code
                  )}
                  : {diagnostic.message}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {saveProblem && (
        <div className="notice" role="alert">
          {saveProblem}
        </div>
      )}
    </>
  );
}
