import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../kho/model/Diagnostic';
import { addedDiagnostics } from './addedDiagnostics';

const diagnostic = (code: string, message: string): Diagnostic => ({
  severity: 'warning',
  code,
  message,
  location: {},
});

describe('addedDiagnostics', () => {
  it('lists what the edited graph has beyond the input, counting repeats', () => {
    const a = diagnostic('not-preserved', 'demo1: 4 pages');
    const b = diagnostic('not-preserved', 'demo2: 1 page');
    expect(addedDiagnostics([a], [a, b])).toEqual([b]);
    expect(addedDiagnostics([a], [a, a])).toEqual([a]);
    expect(addedDiagnostics([a, b], [b])).toEqual([]);
  });
});
