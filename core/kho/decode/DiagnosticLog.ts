import type { Diagnostic, DiagnosticLocation, Severity } from '../model/Diagnostic';

/**
 * Collects diagnostics up to a bound. A hostile image can be wrong in every
 * byte; past the bound diagnostics are only counted, and `finish` adds one
 * last diagnostic that says how many were left out.
 */
export class DiagnosticLog {
  private readonly items: Diagnostic[] = [];
  private dropped = 0;

  constructor(private readonly limit: number) {}

  /** Records one diagnostic. */
  add(severity: Severity, code: string, message: string, location: DiagnosticLocation = {}): void {
    if (this.items.length < this.limit) this.items.push({ severity, code, message, location });
    else this.dropped++;
  }

  /** Shorthands for the three severities. */
  error(code: string, message: string, location?: DiagnosticLocation): void {
    this.add('error', code, message, location);
  }

  warning(code: string, message: string, location?: DiagnosticLocation): void {
    this.add('warning', code, message, location);
  }

  info(code: string, message: string, location?: DiagnosticLocation): void {
    this.add('info', code, message, location);
  }

  /** Everything recorded, plus a `limit-reached` note when some were dropped. */
  finish(): Diagnostic[] {
    if (this.dropped === 0) return this.items;
    return [
      ...this.items,
      {
        severity: 'warning',
        code: 'limit-reached',
        message: `${this.dropped} more diagnostics were left out (limit maxDiagnostics = ${this.limit})`,
        location: {},
      },
    ];
  }
}
