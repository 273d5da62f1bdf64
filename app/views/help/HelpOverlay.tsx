import { groupCommands } from '../../commands/groupCommands';
import { useCommandRegistry } from '../../commands/commandRegistry';
import { KeyLabels } from '../../components/KeyLabels';
import { Modal } from '../../components/Modal';
import { LOCAL_SHORTCUTS } from '../../components/shortcuts';
import { useUiStore } from '../../state/uiStore';

/**
 * Keyboard shortcuts and a few words on reading the views (`?` opens it,
 * Esc closes it): every registered command that has keys, with its id (the
 * name tours and tests use), then the keys local to one panel.
 */
export function HelpOverlay() {
  const open = useUiStore((state) => state.helpOpen);
  const setOpen = useUiStore((state) => state.setHelpOpen);
  const commands = useCommandRegistry((state) => state.commands);
  if (!open) return null;
  const keyed = groupCommands(commands.filter((command) => (command.keys ?? []).length > 0));
  return (
    <Modal labelledBy="help-title" onClose={() => setOpen(false)}>
      <header className="modal__header">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="button button--small" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      <p className="help__note">
        <KeyLabels binding="Ctrl+K" /> lists every command, with or without a key, and runs it by name.
      </p>
      <div className="help">
        {keyed.map((group) => (
          <div key={group.group} className="help__group">
            <h3 className="section__title">{group.group}</h3>
            <dl className="help__list">
              {group.commands.map((command) => (
                <div key={command.id} className="help__row" data-command={command.id}>
                  <dt>
                    {(command.keys ?? []).map((binding) => (
                      <KeyLabels key={binding} binding={binding} />
                    ))}
                  </dt>
                  <dd>
                    {command.title} <code className="help__id">{command.id}</code>
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
        {LOCAL_SHORTCUTS.map((group) => (
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
    </Modal>
  );
}
