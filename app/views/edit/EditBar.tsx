import { canRedo, canUndo, redoEdit, undoEdit } from '../../edit/editActions';
import { isModified, useEditStore } from '../../state/editStore';
import { HistoryList } from './HistoryList';
import './edit.css';

/**
 * The top bar's editing controls: whether the image is modified (and by how
 * many steps), Undo, Redo, the history list, and Export…. Shown for every
 * view, so the modified state is never out of sight.
 */
export function EditBar() {
  const snapshot = useEditStore((state) => state.snapshot);
  const busy = useEditStore((state) => state.busy);
  const historyOpen = useEditStore((state) => state.historyOpen);
  const setHistoryOpen = useEditStore((state) => state.setHistoryOpen);
  const setExportOpen = useEditStore((state) => state.setExportOpen);
  // Re-render on every change of the store's snapshot and busy flag (canUndo/canRedo read both).
  const undoable = snapshot !== null && !busy && canUndo();
  const redoable = snapshot !== null && !busy && canRedo();
  if (!snapshot) return null;
  const modified = isModified({ snapshot });
  return (
    <div className="edit-bar">
      <span
        className={`edit-bar__state${modified ? ' is-modified' : ''}`}
        data-testid="edit-state"
        title={modified ? 'The shown tree differs from the file: export to write it' : 'No edits applied'}
      >
        {modified ? `Modified · ${snapshot.position} edit${snapshot.position === 1 ? '' : 's'}` : 'Unmodified'}
        {busy && ' · working…'}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={() => void undoEdit()}
        disabled={!undoable}
        title="Undo the last edit (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => void redoEdit()}
        disabled={!redoable}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <div className="edit-bar__history">
        <button
          type="button"
          className="button button--small"
          aria-expanded={historyOpen}
          onClick={() => setHistoryOpen(!historyOpen)}
          disabled={snapshot.history.length === 0}
        >
          History ({snapshot.history.length})
        </button>
        {historyOpen && <HistoryList />}
      </div>
      <button
        type="button"
        className="button button--small button--primary"
        onClick={() => setExportOpen(true)}
        disabled={!modified || busy}
        title="See what will change, then download the edited image"
      >
        Export…
      </button>
    </div>
  );
}
