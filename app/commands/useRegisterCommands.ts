import { useEffect } from 'react';
import type { Command } from './Command';
import { registerCommands } from './commandRegistry';

/**
 * Registers commands while the calling component is mounted. Pass a
 * memoised list: a new list re-registers. Commands should read state when
 * they run (`useXStore.getState()`), not capture it, so the list can stay
 * stable.
 */
export function useRegisterCommands(commands: readonly Command[]): void {
  useEffect(() => registerCommands(commands), [commands]);
}
