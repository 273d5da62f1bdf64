import { goToStep } from '../../edit/editActions';
import { useEditStore } from '../../state/editStore';

/**
 * Every step of the edit history, the image as opened first: the current
 * step is marked, undone steps are dimmed, and a click on any step goes
 * back (or forward) to it.
 */
export function HistoryList() {
  const snapshot = useEditStore((state) => state.snapshot);
  const busy = useEditStore((state) => state.busy);
  if (!snapshot) return null;
  const steps = [{ label: 'the image as opened' }, ...snapshot.history];
  return (
    <div className="history-list" role="dialog" aria-label="Edit history">
      <ol>
        {steps.map((step, position) => {
          const state = position === snapshot.position ? 'current' : position > snapshot.position ? 'undone' : 'done';
          return (
            <li key={position} data-state={state}>
              <button
                type="button"
                className="history-list__step"
                disabled={busy || state === 'current'}
                aria-current={state === 'current' ? 'step' : undefined}
                onClick={() => void goToStep(position)}
              >
                <span className="history-list__number">{position}</span>
                <span className="history-list__label">{step.label}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
