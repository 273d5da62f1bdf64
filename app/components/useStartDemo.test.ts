import { describe, expect, it } from 'vitest';
import { startDemoId } from './useStartDemo';

describe('startDemoId', () => {
  it('reads the demo id from the query string', () => {
    expect(startDemoId('?demo=kho-v4')).toBe('kho-v4');
    expect(startDemoId('?x=1&demo=seed-example')).toBe('seed-example');
  });

  it('is null when no demo is named', () => {
    expect(startDemoId('')).toBeNull();
    expect(startDemoId('?demo=')).toBeNull();
    expect(startDemoId('?other=1')).toBeNull();
  });
});
