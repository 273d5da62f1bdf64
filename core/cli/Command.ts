/** A command's body: runs with the arguments after the command name and resolves to the exit status. */
export type CommandRun = (args: string[]) => Promise<number>;

/**
 * One CLI command as `--help` lists it. Its module is imported by `load` only
 * when the command runs, so `khoscope --help` (and every other command) does
 * not pay for loading the code of all of them.
 */
export interface Command {
  name: string;
  summary: string;
  load(): Promise<CommandRun>;
}
