import type { Command } from './Command';

/** Commands grouped by `group`, groups in order of first appearance, commands in registration order. */
export function groupCommands(commands: readonly Command[]): { group: string; commands: Command[] }[] {
  const groups = new Map<string, Command[]>();
  for (const command of commands) {
    const list = groups.get(command.group);
    if (list) list.push(command);
    else groups.set(command.group, [command]);
  }
  return [...groups].map(([group, list]) => ({ group, commands: list }));
}
