import { SHORTCUTS } from '../../components/shortcuts';
import { useUiStore } from '../../state/uiStore';

/** Keyboard shortcuts and a few words on reading the views (`?` opens it, Esc closes it). */
export function HelpOverlay() {
  const open = useUiStore((state) => state.helpOpen);
  const setOpen = useUiStore((state) => state.setHelpOpen);
  if (!open) return null;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a click on the backdrop is the pointer's way out; Esc and the Close button are the keyboard's
    <div className="modal" onClick={() => setOpen(false)}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: not an action, only keeps a click inside the card from closing it */}
      <section
        className="modal__card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(event) => event.stopPropagation()}
      >
        <header className="modal__header">
          <h2 id="help-title">Keyboard shortcuts</h2>
          <button type="button" className="button button--small" onClick={() => setOpen(false)}>
            Close
          </button>
        </header>
        <div className="help">
          {SHORTCUTS.map((group) => (
            <div key={group.group} className="help__group">
              <h3 className="section__title">{group.group}</h3>
              <dl className="help__list">
                {group.shortcuts.map((shortcut) => (
                  <div key={shortcut.does} className="help__row">
                    <dt>
                      {shortcut.keys.map((key) => (
                        <kbd key={key}>{key}</kbd>
                      ))}
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
        </div>
        <p className="help__note">
          One selection is shared by every view: pick something in the outline, the graph, the hex view, the memory map,
          the search results or the diagnostics, and the others show it. The URL keeps the selection and the view, never
          anything of the image: reload, reopen the same image, and you are back where you were.
        </p>
      </section>
    </div>
  );
}
