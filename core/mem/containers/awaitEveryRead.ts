/**
 * Waits for every read of a `readInto` to finish, then rejects with the first
 * failure, if any. `Promise.all` would reject at the first failure while the
 * other reads still write into the target: the caller may already be reusing
 * that buffer for the next chunk, so none may be left running.
 */
export async function awaitEveryRead(reads: readonly Promise<unknown>[]): Promise<void> {
  // One read (the usual case: a read inside one segment or page) needs no
  // settling of the others: awaiting it is the same, without allSettled's arrays.
  if (reads.length === 1) {
    await reads[0];
    return;
  }
  const outcomes = await Promise.allSettled(reads);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
}
