import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../../core/kho';
import { diagnosticBadges } from './diagnosticBadges';

const expected = { root: '0x200000', role: 'incoming', strictly: 'error', original: 'bad' } as const;
const note = (fragment: string, node: string): Diagnostic => ({
  severity: 'info',
  code: 'bad-magic',
  message: 'expected in 0x200000, …; strictly an error: bad',
  location: { fragment, node },
  expected,
});
const plain = (fragment: string, node: string): Diagnostic => ({
  severity: 'info',
  code: 'no-map-yet',
  message: 'preserved-memory-map is 0',
  location: { fragment, node },
});

describe('diagnostic badges', () => {
  it('name the consumed root and its role when every problem counted is expected there', () => {
    const badges = diagnosticBadges([note('0x203000', '/'), note('0x203000', '/a'), plain('0x300000', '/')]);
    expect(badges.fragment('0x203000')).toEqual({ count: 2, worst: 'info', first: 0, expected });
    expect(badges.row('0x203000', '/a')?.expected).toEqual(expected);
    expect(badges.fragment('0x300000')?.expected).toBeNull();
  });

  it('name no root once a problem of another kind is counted with them', () => {
    const badges = diagnosticBadges([note('0x203000', '/'), plain('0x203000', '/')]);
    expect(badges.fragment('0x203000')).toMatchObject({ count: 2, expected: null });
    expect(badges.row('0x203000', '/')?.expected).toBeNull();
  });
});
