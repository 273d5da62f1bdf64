import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';

describe('parseQuery', () => {
  it('reads hex and decimal numbers, and keeps the text', () => {
    expect(parseQuery(' 0x1847000 ')).toEqual({ text: '0x1847000', number: 0x1847000n });
    expect(parseQuery('4096')).toEqual({ text: '4096', number: 4096n });
    expect(parseQuery('0xFFFFFFFFFFFFFFFF').number).toBe(0xffff_ffff_ffff_ffffn);
  });

  it('treats anything else as text only', () => {
    expect(parseQuery('Memblock')).toEqual({ text: 'memblock', number: null });
    expect(parseQuery('0x').number).toBeNull();
    expect(parseQuery('0x10000000000000000').number).toBeNull();
    expect(parseQuery('99999999999999999999').number).toBeNull();
  });
});
