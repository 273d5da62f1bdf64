/**
 * The fuzz worker: a child process of `run.ts` that makes and runs one input
 * per message, so a stuck loop or a heap blow-up takes down only this
 * process, and the parent's watchdog can kill it.
 */
import { makeInput } from './families';
import { runTarget } from './runTarget';
import type { ChildReply, ChildRequest } from './protocol';

process.on('message', (request: ChildRequest) => {
  void (async () => {
    const input = makeInput(request.family, request.seed, request.index);
    const outcome = await runTarget(input);
    const reply: ChildReply = {
      id: request.id,
      outcome,
      what: input.what,
      size: input.bytes.length,
      rss: process.memoryUsage().rss,
    };
    process.send?.(reply);
  })();
});
process.send?.({ ready: true });
