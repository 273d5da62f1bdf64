import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDts } from './parseDts';
import { printDts } from './printDts';
import { labelledDtsDocumentArbitrary } from './testing/dtsArbitraries';

describe('printDts then parseDts', () => {
  it('gives back the same document, labels included', () => {
    fc.assert(
      fc.property(labelledDtsDocumentArbitrary, (doc) => {
        const text = printDts(doc);
        expect(parseDts(text)).toEqual(doc);
        expect(printDts(parseDts(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
