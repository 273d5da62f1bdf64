import { useUiStore } from '../../state/uiStore';

/** Turns presentation mode on or off (also Shift+P). */
export function PresentButton() {
  const presenting = useUiStore((state) => state.presenting);
  const setPresenting = useUiStore((state) => state.setPresenting);
  return (
    <button
      type="button"
      className="button"
      aria-pressed={presenting}
      onClick={() => setPresenting(!presenting)}
      title="Presentation mode: large text, high contrast, no side panels (Shift+P)"
    >
      {presenting ? 'Exit presentation' : 'Present'}
    </button>
  );
}
