/**
 * The exit statuses every `khoscope` command uses, so that a script can tell
 * "the tool found something" from "the tool could not look".
 */
export const ExitCode = {
  /** Clean, equal, or done. */
  ok: 0,
  /** Findings: `check` found problems, a comparison found differences, a result failed its own check. */
  findings: 1,
  /** The command line is wrong (unknown command or option, missing argument). */
  usage: 2,
  /** An input could not be read or is not what the command needs (missing file, not an image, bad spec). */
  unreadableInput: 3,
  /** khoscope could not finish: an output could not be written, or it hit a fault of its own. */
  failed: 4,
  /** Stopped by Ctrl-C (SIGINT): 128 + 2, as shells report a process the signal ended. */
  interrupted: 130,
} as const;

/** The exit statuses as `--help` and every command's help list them. */
export const EXIT_CODES_HELP = `exit status:
  0  clean, equal, or done
  1  findings: problems found (check), differences (diff), a result that failed its own check
  2  usage error: unknown command or option, missing argument
  3  unreadable input: a missing file, or one that is not what the command needs
  4  khoscope could not finish: an output could not be written, or an internal fault
  130  interrupted by Ctrl-C (SIGINT)
`;
