import type { Command } from './Command';

/**
 * The commands a palette query finds: every word of the query must appear
 * (case-blind) in the title, id, group or keywords. Titles that start with
 * the query come first, then titles containing it, then the rest; ties keep
 * registration order. An empty query lists everything.
 */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  const phrase = words.join(' ');
  const scored: { command: Command; score: number; order: number }[] = [];
  commands.forEach((command, order) => {
    const haystack = `${command.title} ${command.id} ${command.group} ${command.keywords ?? ''}`.toLowerCase();
    if (!words.every((word) => haystack.includes(word))) return;
    const title = command.title.toLowerCase();
    const score = title.startsWith(phrase) ? 0 : title.includes(phrase) ? 1 : 2;
    scored.push({ command, score, order });
  });
  return scored.sort((a, b) => a.score - b.score || a.order - b.order).map((entry) => entry.command);
}
