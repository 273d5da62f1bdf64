import type { Command } from './Command';
import { carveCommand } from './commands/carve';
import { checkCommand } from './commands/check';
import { dtsCommand } from './commands/dts';
import { extractCommand } from './commands/extract';
import { scanCommand } from './commands/scan';
import { treeCommand } from './commands/tree';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Command[] = [scanCommand, treeCommand, extractCommand, checkCommand, carveCommand, dtsCommand];
