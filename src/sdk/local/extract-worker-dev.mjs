// Runs the TypeScript worker entry from src/ (under vitest or tsx), where no built
// extract-worker.js exists: registers tsx's loader in this thread, then imports it.
import { workerData } from 'node:worker_threads';

const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
