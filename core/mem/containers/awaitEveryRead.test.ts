import { describe, expect, it } from 'vitest';
import { awaitEveryRead } from './awaitEveryRead';

describe('awaitEveryRead', () => {
  it('resolves when there is nothing to wait for', async () => {
    await expect(awaitEveryRead([])).resolves.toBeUndefined();
  });

  it('passes on the failure of a lone read', async () => {
    const failure = new Error('bad page');
    await expect(awaitEveryRead([Promise.reject(failure)])).rejects.toBe(failure);
    await expect(awaitEveryRead([Promise.resolve(7)])).resolves.toBeUndefined();
  });

  it('rejects with the first failure only after every read has finished', async () => {
    let slowDone = false;
    const slow = new Promise<void>((resolve) =>
      setTimeout(() => {
        slowDone = true;
        resolve();
      }, 5),
    );
    const first = new Error('first');
    const reads = [Promise.reject(first), slow, Promise.reject(new Error('second'))];
    await expect(awaitEveryRead(reads)).rejects.toBe(first);
    expect(slowDone).toBe(true);
  });
});
