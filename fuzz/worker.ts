/**
 * A fuzz worker thread of `run.ts`: makes and runs one input per message.
 * The pool gives it a heap limit (`resourceLimits`), so an input that needs
 * more is a finding, and terminates it when it does not answer in time.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { makeInput, prepareFamilies } from './families';
import type { WorkerReply, WorkerRequest } from './protocol';
import { runTarget } from './runTarget';

if (!parentPort) throw new Error('fuzz/worker.ts runs as a worker thread of fuzz/run.ts');
const port = parentPort;
port.on('message', (request: WorkerRequest) => {
  void (async () => {
    const input = makeInput(request.family, request.seed, request.index);
    const before = getHeapStatistics().used_heap_size;
    const outcome = await runTarget(input);
    const after = getHeapStatistics();
    const reply: WorkerReply = {
      id: request.id,
      outcome,
      what: input.what,
      size: input.bytes.length,
      heapGrowth: Math.max(0, after.used_heap_size - before),
      heapTotal: after.total_heap_size,
    };
    port.postMessage(reply);
  })();
});
// Ready once every family can make inputs (the debugfs family decodes the demos first).
await prepareFamilies();
port.postMessage({ ready: true });
