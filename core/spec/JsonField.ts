import { SpecError } from './SpecError';

/**
 * One value of a parsed JSON spec and its path (`fragments.luo.sessions[0]`),
 * with typed reads that throw `SpecError` naming that path. Numbers may be
 * JSON numbers or strings in decimal or `0x` hex (addresses read better in
 * hex). Unknown keys are refused, so a typo never passes silently.
 */
export class JsonField {
  constructor(
    readonly value: unknown,
    readonly path: string,
  ) {}

  /** True when the key is absent (undefined). */
  get missing(): boolean {
    return this.value === undefined;
  }

  /** The field under `key` of this object. */
  get(key: string): JsonField {
    return new JsonField(this.object()[key], this.path === '' ? key : `${this.path}.${key}`);
  }

  /** The object's entries in key order. */
  entries(): [string, JsonField][] {
    return Object.keys(this.object()).map((key) => [key, this.get(key)]);
  }

  /** Refuses any key not listed (`$comment` is always allowed: specs explain themselves). */
  onlyKeys(...allowed: string[]): this {
    for (const key of Object.keys(this.object())) {
      if (key !== '$comment' && !allowed.includes(key))
        throw this.error(`unknown key "${key}" (expected one of ${allowed.join(', ')})`);
    }
    return this;
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value))
      throw this.error('must be an object');
    return this.value as Record<string, unknown>;
  }

  array(): JsonField[] {
    if (!Array.isArray(this.value)) throw this.error('must be an array');
    return this.value.map((item, i) => new JsonField(item, `${this.path}[${i}]`));
  }

  string(fallback?: string): string {
    if (this.missing && fallback !== undefined) return fallback;
    if (typeof this.value !== 'string') throw this.error('must be a string');
    return this.value;
  }

  boolean(fallback: boolean): boolean {
    if (this.missing) return fallback;
    if (typeof this.value !== 'boolean') throw this.error('must be true or false');
    return this.value;
  }

  /** A whole number below 2^53 (JSON number, or a decimal or 0x-hex string). */
  number(fallback?: number): number {
    if (this.missing && fallback !== undefined) return fallback;
    const value = this.bigint();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw this.error('must be below 2^53');
    return Number(value);
  }

  /** A whole number from 0 to 2^64 − 1. */
  bigint(fallback?: bigint): bigint {
    if (this.missing && fallback !== undefined) return fallback;
    let value: bigint | undefined;
    if (typeof this.value === 'number' && Number.isSafeInteger(this.value)) value = BigInt(this.value);
    else if (typeof this.value === 'string' && /^(0x[0-9a-f]+|[0-9]+)$/i.test(this.value)) value = BigInt(this.value);
    if (value === undefined || value < 0n || value >= 1n << 64n)
      throw this.error('must be a whole number from 0 to 2^64 − 1 (a JSON number, or a decimal or 0x-hex string)');
    return value;
  }

  /** One of the given strings. */
  oneOf<T extends string>(choices: readonly T[], fallback?: T): T {
    if (this.missing && fallback !== undefined) return fallback;
    const value = this.string();
    if (!(choices as readonly string[]).includes(value)) throw this.error(`must be one of ${choices.join(', ')}`);
    return value as T;
  }

  /** A `SpecError` at this field. */
  error(reason: string): SpecError {
    return new SpecError(this.path === '' ? 'spec' : this.path, reason);
  }
}
