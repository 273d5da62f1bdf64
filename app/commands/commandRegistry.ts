import { create } from 'zustand';
import { useDocumentStore } from '../state/documentStore';
import type { Command } from './Command';
import { matchesKeyBinding, parseKeyBinding, type KeyBinding, type KeyPress } from './keyBinding';

interface CommandRegistryState {
  /** Every registered command, in registration order. */
  commands: readonly Command[];
}

/**
 * The command registry: every action any part of the app offers (built-in
 * views and tools, tours, and later edit, export and compare). A store, so
 * the palette and the help overlay follow commands that come and go.
 */
export const useCommandRegistry = create<CommandRegistryState>()(() => ({ commands: [] }));

const bindings = new WeakMap<Command, readonly KeyBinding[]>();

/**
 * Adds commands; returns the function that removes them again (call it from
 * an effect's cleanup). Throws when an id is already registered: two
 * actions under one id would make tours and tests run the wrong one.
 * Key bindings are parsed here, so a malformed one fails at once.
 */
export function registerCommands(commands: readonly Command[]): () => void {
  const taken = new Set(useCommandRegistry.getState().commands.map((command) => command.id));
  for (const command of commands) {
    if (taken.has(command.id)) throw new Error(`command id "${command.id}" is registered twice`);
    taken.add(command.id);
    bindings.set(command, (command.keys ?? []).map(parseKeyBinding));
  }
  useCommandRegistry.setState((state) => ({ commands: [...state.commands, ...commands] }));
  return () => {
    const removed = new Set(commands);
    useCommandRegistry.setState((state) => ({ commands: state.commands.filter((command) => !removed.has(command)) }));
  };
}

/** The registered command with this id, or undefined. */
export function findCommand(id: string): Command | undefined {
  return useCommandRegistry.getState().commands.find((command) => command.id === id);
}

/**
 * Runs a command by id if it exists and is available. Returns whether it
 * ran and did something (a command returning `false` did nothing).
 */
export function runCommand(id: string): boolean {
  const command = findCommand(id);
  return command ? runIfAvailable(command) : false;
}

/** Runs the available command one of whose keys this is; returns whether one did something. */
export function runCommandForKey(press: KeyPress): boolean {
  for (const command of useCommandRegistry.getState().commands) {
    const keys = bindings.get(command) ?? [];
    if (keys.some((binding) => matchesKeyBinding(binding, press))) return runIfAvailable(command);
  }
  return false;
}

function runIfAvailable(command: Command): boolean {
  if (command.unavailable?.()) return false;
  const result = command.run();
  if (result instanceof Promise) {
    result.catch((error: unknown) =>
      useDocumentStore
        .getState()
        .notify(`${command.title} failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return true;
  }
  return result !== false;
}
