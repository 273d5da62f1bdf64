import type { DtsError } from './DtsError';

/**
 * How to parse DTS text: limits for untrusted text, and whether to force
 * output past dtc's error checks.
 */
export interface DtsParseOptions extends DtsParseLimitOptions {
  /**
   * Like `dtc -f`: a tree dtc's checks refuse (a `name` property unlike the
   * node's name, duplicated, zero or all-ones phandles, duplicate node or
   * property names, names dtc's character rules refuse) is kept exactly as
   * written instead of refused, and each such problem goes to `onForced`.
   * One difference from dtc -f: a `name` property equal to the node's name
   * is kept too (dtc drops it), so that text printed from any blob the reader
   * accepts parses back to the same tree. Syntax errors, unresolvable
   * references, duplicate labels and limits still throw.
   */
  force?: boolean;
  /** With `force`: called with each check that would have refused the tree. */
  onForced?: (problem: DtsError) => void;
}

/**
 * Limits for parsing untrusted DTS text. Every limit has a default
 * (`DEFAULT_DTS_PARSE_LIMITS`); going past one is a `DtsError`, never a
 * partial result.
 */
export interface DtsParseLimitOptions {
  /** Longest text accepted, in UTF-16 units. */
  maxInputLength?: number;
  /** Deepest node nesting accepted (the root is depth 0), counted in the merged tree. */
  maxDepth?: number;
  /** Deepest nesting of parentheses and `? :` in one integer expression. */
  maxExpressionDepth?: number;
  /**
   * Most node visits spent on finding `&label` and `&{/path}` targets while
   * parsing (each lookup walks the tree as dtc does); bounds the time a text
   * full of references can cost.
   */
  maxLookupSteps?: number;
}

/** The limits of `DtsParseOptions`, every one filled in. */
export type DtsParseLimits = Required<DtsParseLimitOptions>;

/** Defaults: far above hand-written and kernel DTS, low enough that no text can run away. */
export const DEFAULT_DTS_PARSE_LIMITS: Readonly<DtsParseLimits> = Object.freeze({
  maxInputLength: 32 * 1024 * 1024,
  maxDepth: 1024,
  maxExpressionDepth: 256,
  maxLookupSteps: 50_000_000,
});

/** Fills the limits the caller left out with the defaults. */
export function resolveDtsParseLimits(options: DtsParseOptions | undefined): DtsParseLimits {
  const limits: DtsParseLimits = { ...DEFAULT_DTS_PARSE_LIMITS };
  if (!options) return limits;
  for (const key of Object.keys(DEFAULT_DTS_PARSE_LIMITS) as (keyof DtsParseLimitOptions)[]) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
