import { describe, expect, it } from 'vitest';
import { alternateRuns, describeRatio, median, roundRatios } from './alternateRuns';

describe('alternateRuns', () => {
  it('alternates the sides run by run, flipping the order every round', async () => {
    const calls: string[] = [];
    const figures = await alternateRuns(
      [
        () => {
          calls.push('a');
          return 1;
        },
        () => {
          calls.push('b');
          return 2;
        },
      ],
      3,
    );
    expect(calls.join('')).toBe('abbaab');
    expect(figures).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
  });

  it('judges on the median ratio of the rounds and keeps the range', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const ratio = roundRatios([10, 30, 20], [10, 10, 10]);
    expect(ratio).toEqual({ median: 2, min: 1, max: 3, rounds: 3 });
    expect(describeRatio(ratio)).toBe('2.00x (1.00-3.00x over 3 rounds)');
  });
});
