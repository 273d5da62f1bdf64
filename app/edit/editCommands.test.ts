import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../commands/appCommands';
import { registerCommands } from '../commands/commandRegistry';
import { useEditStore } from '../state/editStore';
import { EDIT_COMMANDS } from './editCommands';
import { isEditablePlace } from './editHere';

describe('the edit commands', () => {
  it('register beside the app commands under their own edit.* ids, with no Ctrl key of their own', () => {
    const unregister = registerCommands([...APP_COMMANDS, ...EDIT_COMMANDS]);
    unregister();
    expect(EDIT_COMMANDS.map((command) => command.id)).toEqual([
      'edit.here',
      'edit.undo',
      'edit.redo',
      'edit.history',
      'edit.export',
      'edit.restore',
    ]);
    // Ctrl+Z stays the text field's own undo: the registry would run a Ctrl key inside fields too.
    expect(EDIT_COMMANDS.flatMap((command) => command.keys ?? [])).toEqual(['e']);
  });

  it('say why they cannot run when nothing is open or nothing is edited', () => {
    useEditStore.getState().reset(null, null);
    for (const command of EDIT_COMMANDS) expect(command.unavailable?.()).toMatch(/\w/);
  });

  it('edit only places the inspector can edit: fragments, nodes and properties', () => {
    expect(isEditablePlace({ kind: 'fragment', fragment: 'f' })).toBe(true);
    expect(isEditablePlace({ kind: 'node', fragment: 'f', node: '/a' })).toBe(true);
    expect(isEditablePlace({ kind: 'property', fragment: 'f', node: '/', property: 'p' })).toBe(true);
    expect(isEditablePlace({ kind: 'link', link: 'l' })).toBe(false);
    expect(isEditablePlace({ kind: 'memory', address: 0, length: 1 })).toBe(false);
    expect(isEditablePlace(null)).toBe(false);
  });
});
