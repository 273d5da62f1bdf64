import type { Command } from './Command';
import { carveCommand } from './commands/carve';
import { buildCommand } from './commands/build';
import { checkCommand } from './commands/check';
import { compatCommand } from './commands/compat';
import { diffCommand } from './commands/diff';
import { dtsCommand } from './commands/dts';
import { editCommand } from './commands/edit';
import { extractCommand } from './commands/extract';
import { scanCommand } from './commands/scan';
import { treeCommand } from './commands/tree';

/** Every CLI command, in the order `--help` lists them. */
export const commands: Command[] = [
  scanCommand,
  treeCommand,
  extractCommand,
  checkCommand,
  compatCommand,
  diffCommand,
  carveCommand,
  dtsCommand,
  editCommand,
  buildCommand,
];
