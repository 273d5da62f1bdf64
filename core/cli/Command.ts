/** One CLI command: its name, a one-line summary for `--help`, and its runner. */
export interface Command {
  name: string;
  summary: string;
  /** Runs with the arguments after the command name; resolves to the exit status. */
  run(args: string[]): Promise<number>;
}
