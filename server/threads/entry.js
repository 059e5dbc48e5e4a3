// Entry of the project's worker threads: the sources are TypeScript, run through tsx's loader
// (as bin/ringwatch.js does for the command), which a worker thread registers for itself; then
// the module named in workerData.module runs.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
