import type { Command } from './Command';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Command[] = [];
