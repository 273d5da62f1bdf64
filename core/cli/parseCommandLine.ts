import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './UsageError';

/**
 * `util.parseArgs` in strict mode with positionals allowed, its complaints
 * (unknown option, missing value) turned into `UsageError`s.
 */
export function parseCommandLine<const T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
