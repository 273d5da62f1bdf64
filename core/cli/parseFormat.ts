import { UsageError } from './UsageError';

/**
 * `--format` is the one spelling for output format on every command. Returns
 * its value, checked against the formats this command offers (the
 * first is the default); throws `UsageError` naming them otherwise.
 */
export function parseFormat<const F extends string>(value: unknown, formats: readonly [F, ...F[]]): F {
  if (value === undefined) return formats[0];
  if (typeof value === 'string' && (formats as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`--format must be ${formats.length === 1 ? formats[0] : `one of ${formats.join(', ')}`}`);
}
