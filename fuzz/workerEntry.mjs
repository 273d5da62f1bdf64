// Loads fuzz/worker.ts in a worker thread through tsx (the thread does not
// inherit the parent's loader).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
