import { UsageError } from './UsageError';

/** A command-line number written as decimal or 0x-hex, below 2^53; throws `UsageError` naming the option otherwise. */
export function parseNumber(text: string, what: string): number {
  const value = /^0x[0-9a-f]+$/i.test(text)
    ? Number.parseInt(text.slice(2), 16)
    : /^[0-9]+$/.test(text)
      ? Number(text)
      : Number.NaN;
  if (!Number.isSafeInteger(value))
    throw new UsageError(`${what} '${text}' is not a decimal or 0x-hex number below 2^53`);
  return value;
}
