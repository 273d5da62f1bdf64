import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from './Command';
import { findCommand, registerCommands, runCommand, runCommandForKey, useCommandRegistry } from './commandRegistry';
import { filterCommands } from './filterCommands';
import { keyBindingLabels, matchesKeyBinding, parseKeyBinding } from './keyBinding';
import { APP_COMMANDS } from './appCommands';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

function command(id: string, extra: Partial<Command> = {}): Command {
  return { id, title: id, group: 'Test', run: vi.fn(), ...extra };
}

afterEach(() => useCommandRegistry.setState({ commands: [] }));

describe('key bindings', () => {
  it('reads modifiers and keys', () => {
    expect(parseKeyBinding('Ctrl+Shift+P')).toEqual({ ctrl: true, shift: true, alt: false, key: 'p' });
    expect(parseKeyBinding('?')).toEqual({ ctrl: false, shift: false, alt: false, key: '?' });
    expect(parseKeyBinding('+').key).toBe('+');
    expect(() => parseKeyBinding('Hyper+x')).toThrow(/unknown modifier/);
    expect(() => parseKeyBinding('Ctrl+')).toThrow(/names no key/);
  });

  it('matches Ctrl (or Command) exactly, Shift only where it is part of the binding', () => {
    const ctrlK = parseKeyBinding('Ctrl+K');
    expect(matchesKeyBinding(ctrlK, press('k', { ctrlKey: true }))).toBe(true);
    expect(matchesKeyBinding(ctrlK, press('K', { metaKey: true }))).toBe(true);
    expect(matchesKeyBinding(ctrlK, press('k'))).toBe(false);
    expect(matchesKeyBinding(ctrlK, press('K', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matchesKeyBinding(parseKeyBinding('Ctrl+Shift+P'), press('P', { ctrlKey: true, shiftKey: true }))).toBe(
      true,
    );
    // `?` is typed with Shift on most layouts.
    expect(matchesKeyBinding(parseKeyBinding('?'), press('?', { shiftKey: true }))).toBe(true);
    expect(matchesKeyBinding(parseKeyBinding('g'), press('G', { shiftKey: true }))).toBe(false);
    expect(matchesKeyBinding(parseKeyBinding('g'), press('g', { ctrlKey: true }))).toBe(false);
    expect(matchesKeyBinding(parseKeyBinding('Backspace'), press('Backspace', { shiftKey: true }))).toBe(false);
  });

  it('shows keys as caps', () => {
    expect(keyBindingLabels('Ctrl+Shift+P')).toEqual(['Ctrl', 'Shift', 'P']);
    expect(keyBindingLabels('g')).toEqual(['g']);
    expect(keyBindingLabels('ArrowRight')).toEqual(['→']);
  });
});

describe('the command registry', () => {
  it('registers, finds, runs and unregisters', () => {
    const a = command('test.a');
    const stop = registerCommands([a]);
    expect(findCommand('test.a')).toBe(a);
    expect(runCommand('test.a')).toBe(true);
    expect(a.run).toHaveBeenCalledOnce();
    stop();
    expect(findCommand('test.a')).toBeUndefined();
    expect(runCommand('test.a')).toBe(false);
  });

  it('refuses an id registered twice, in one list or across lists', () => {
    registerCommands([command('test.a')]);
    expect(() => registerCommands([command('test.a')])).toThrow(/registered twice/);
    expect(() => registerCommands([command('test.b'), command('test.b')])).toThrow(/registered twice/);
    expect(useCommandRegistry.getState().commands.map((c) => c.id)).toEqual(['test.a']);
  });

  it('refuses a malformed key binding when registering', () => {
    expect(() => registerCommands([command('test.a', { keys: ['Super+x'] })])).toThrow(/unknown modifier/);
  });

  it('runs the command bound to a key, unless it is unavailable or did nothing', () => {
    const run = vi.fn();
    registerCommands([
      command('test.off', { keys: ['x'], unavailable: () => 'not now', run }),
      command('test.nothing', { keys: ['y'], run: () => false }),
      command('test.on', { keys: ['z', 'Ctrl+K'] }),
    ]);
    expect(runCommandForKey(press('x'))).toBe(false);
    expect(run).not.toHaveBeenCalled();
    expect(runCommandForKey(press('y'))).toBe(false);
    expect(runCommandForKey(press('k', { ctrlKey: true }))).toBe(true);
    expect(runCommandForKey(press('q'))).toBe(false);
  });

  it('has unique ids and valid keys among the app commands', () => {
    expect(() => registerCommands(APP_COMMANDS)).not.toThrow();
    expect(findCommand('palette.open')?.keys).toEqual(['Ctrl+K', 'Ctrl+Shift+P']);
  });
});

describe('filterCommands', () => {
  const list = [
    command('view.hex', { title: 'Show the hex view', group: 'View' }),
    command('view.memmap', { title: 'Show the memory map', group: 'View', keywords: 'order lanes' }),
    command('theme.toggle', { title: 'Switch between light and dark', group: 'General' }),
  ];

  it('lists everything for an empty query', () => {
    expect(filterCommands(list, '  ').map((c) => c.id)).toEqual(['view.hex', 'view.memmap', 'theme.toggle']);
  });

  it('needs every word somewhere: title, id, group or keywords', () => {
    expect(filterCommands(list, 'lanes').map((c) => c.id)).toEqual(['view.memmap']);
    expect(filterCommands(list, 'show map').map((c) => c.id)).toEqual(['view.memmap']);
    expect(filterCommands(list, 'theme.t').map((c) => c.id)).toEqual(['theme.toggle']);
    expect(filterCommands(list, 'nothing like it')).toEqual([]);
  });

  it('ranks titles starting with the query first', () => {
    expect(filterCommands(list, 'switch').map((c) => c.id)).toEqual(['theme.toggle']);
    expect(filterCommands(list, 'view').map((c) => c.id)).toEqual(['view.hex', 'view.memmap']);
    expect(filterCommands(list, 'the').map((c) => c.id)).toEqual(['view.hex', 'view.memmap', 'theme.toggle']);
  });
});
