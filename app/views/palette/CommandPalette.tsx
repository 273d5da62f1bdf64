import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useCommandRegistry, runCommand } from '../../commands/commandRegistry';
import { filterCommands } from '../../commands/filterCommands';
import { KeyLabels } from '../../components/KeyLabels';
import { Modal } from '../../components/Modal';
import { useUiStore } from '../../state/uiStore';
import './palette.css';

/**
 * The command palette (Ctrl+K, Ctrl+Shift+P): every registered command by
 * name, with its shortcut and its id; type to filter, ↑ ↓ to move, Enter
 * or a click to run, Esc to close. Commands that cannot run now stay
 * listed, dimmed, with the reason.
 */
export function CommandPalette() {
  const open = useUiStore((state) => state.paletteOpen);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const setOpen = useUiStore((state) => state.setPaletteOpen);
  const commands = useCommandRegistry((state) => state.commands);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const found = useMemo(() => filterCommands(commands, query), [commands, query]);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const current = Math.min(active, Math.max(found.length - 1, 0));

  // The palette is opened to be typed in: the field takes the focus (the user asked, with Ctrl+K).
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    list.current?.querySelector(`#palette-option-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (index: number) => {
    const command = found[index];
    if (!command || command.unavailable?.()) return;
    // Closed first: the command may open another overlay or move the focus.
    setOpen(false);
    runCommand(command.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(found.length - 1, current + moves[event.key])));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    }
  };

  return (
    <Modal label="Command palette" onClose={() => setOpen(false)} top className="palette">
      <input
        className="palette__input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={found.length > 0 ? `palette-option-${current}` : undefined}
        aria-label="Type a command"
        placeholder="Type a command (↑ ↓ to move, Enter to run)"
        ref={input}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="palette__list" role="listbox" id="palette-list" aria-label="Commands" ref={list}>
        {found.map((command, index) => {
          const why = command.unavailable?.() ?? null;
          return (
            <div
              key={command.id}
              tabIndex={-1}
              id={`palette-option-${index}`}
              role="option"
              aria-selected={index === current}
              aria-disabled={why !== null}
              data-command={command.id}
              className="palette__option"
              onMouseMove={() => setActive(index)}
              // mousedown, not click: the field keeps the focus, as with the search results.
              onMouseDown={(event) => {
                event.preventDefault();
                run(index);
              }}
            >
              <span className="palette__group">{command.group}</span>
              <span className="palette__title">{command.title}</span>
              {why && <span className="palette__why">{why}</span>}
              <code className="palette__id">{command.id}</code>
              {command.keys?.[0] && <KeyLabels binding={command.keys[0]} />}
            </div>
          );
        })}
        {found.length === 0 && <div className="palette__empty">No command matches “{query}”.</div>}
      </div>
    </Modal>
  );
}
