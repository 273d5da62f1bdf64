/**
 * Physical addresses and sizes are JS numbers, exact only below 2^53. Every
 * decoder compares u64 fields against this one limit and reports a larger
 * value instead of truncating it.
 */

/** Largest exclusive value a JS number holds exactly, as a bigint. */
export const ADDRESS_LIMIT = 2n ** 53n;

/** The same limit as a number, for arithmetic on addresses that are already numbers. */
export const ADDRESS_LIMIT_NUMBER = 2 ** 53;

/** A u64 as a physical address, or null when it is 2^53 or more (reported by callers, never truncated). */
export function toAddress(value: bigint): number | null {
  return value < ADDRESS_LIMIT ? Number(value) : null;
}
