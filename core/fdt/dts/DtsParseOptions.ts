/**
 * Limits for parsing untrusted DTS text. Every limit has a default
 * (`DEFAULT_DTS_PARSE_LIMITS`); going past one is a `DtsError`, never a
 * partial result.
 */
export interface DtsParseOptions {
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

/** `DtsParseOptions` with every limit filled in. */
export type DtsParseLimits = Required<DtsParseOptions>;

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
  for (const key of Object.keys(DEFAULT_DTS_PARSE_LIMITS) as (keyof DtsParseOptions)[]) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
