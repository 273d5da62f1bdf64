import { useUiStore } from '../../state/uiStore';

/** Opens the keyboard-shortcut help (also `?`). */
export function HelpButton() {
  const setHelpOpen = useUiStore((state) => state.setHelpOpen);
  return (
    <button
      type="button"
      className="button button--icon"
      onClick={() => setHelpOpen(true)}
      aria-label="Help and keyboard shortcuts"
      title="Help and keyboard shortcuts (?)"
    >
      ?
    </button>
  );
}
