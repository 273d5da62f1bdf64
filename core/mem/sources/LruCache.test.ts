import { describe, expect, it } from 'vitest';
import { LruCache } from './LruCache';

/** The keys a cache of `max` cost still holds after the steps, each entry costing 1. */
function heldAfter(max: number, steps: Array<['get' | 'set' | 'delete', number]>, keys: number[]): number[] {
  const cache = new LruCache<number, string>(max);
  for (const [op, key] of steps) {
    if (op === 'get') cache.get(key);
    else if (op === 'set') cache.set(key, `v${key}`, 1);
    else cache.delete(key);
  }
  return keys.filter((key) => cache.get(key) !== undefined);
}

/** The same steps on a plain array kept in use order: what an LRU must do. */
function modelAfter(max: number, steps: Array<['get' | 'set' | 'delete', number]>): number[] {
  let order: number[] = [];
  for (const [op, key] of steps) {
    const had = order.includes(key);
    if (op === 'delete' || op === 'set' || had) order = order.filter((k) => k !== key);
    if (op === 'set' || (op === 'get' && had)) order.push(key);
    while (op === 'set' && order.length > max) order.shift();
  }
  return order.sort((a, b) => a - b);
}

describe('LruCache', () => {
  it('evicts the least recently used entry, a repeated hit on the newest one included', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1, 1);
    cache.set('b', 2, 1);
    expect(cache.get('b')).toBe(2);
    expect(cache.get('b')).toBe(2);
    expect(cache.get('a')).toBe(1); // a is now the newest
    cache.set('c', 3, 1); // evicts b
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.cost).toBe(2);
  });

  it('agrees with a plain use-ordered list over many mixed steps', () => {
    let x = 7;
    const next = (below: number) => {
      x = (x * 1103515245 + 12345) >>> 0;
      return (x >>> 8) % below;
    };
    for (let round = 0; round < 200; round++) {
      const steps: Array<['get' | 'set' | 'delete', number]> = [];
      for (let k = 0; k < 30; k++) steps.push([(['get', 'get', 'set', 'delete'] as const)[next(4)], next(6)]);
      const max = 1 + next(4);
      expect(heldAfter(max, steps, [0, 1, 2, 3, 4, 5])).toEqual(modelAfter(max, steps));
    }
  });
});
