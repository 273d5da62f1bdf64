import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../commands/appCommands';
import { registerCommands } from '../commands/commandRegistry';
import { useEditStore } from '../state/editStore';
import { EDIT_COMMANDS } from './editCommands';

describe('the edit commands', () => {
  it('register beside the app commands under their own edit.* ids, without keys of their own', () => {
    const unregister = registerCommands([...APP_COMMANDS, ...EDIT_COMMANDS]);
    unregister();
    expect(EDIT_COMMANDS.map((command) => command.id)).toEqual([
      'edit.undo',
      'edit.redo',
      'edit.history',
      'edit.export',
      'edit.restore',
    ]);
    // Ctrl+Z stays the text field's own undo: the registry would run a Ctrl key inside fields too.
    expect(EDIT_COMMANDS.every((command) => command.keys === undefined)).toBe(true);
  });

  it('say why they cannot run when nothing is open or nothing is edited', () => {
    useEditStore.getState().reset(null, null);
    for (const command of EDIT_COMMANDS) expect(command.unavailable?.()).toMatch(/\w/);
  });
});
