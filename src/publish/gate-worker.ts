/**
 * One thread of the privacy gate (gate-threads.ts starts it from .build/gate-worker.mjs): it
 * reads each batch of files it is sent with the private values it was given (batchReader). Its
 * heap holds the values and the texts it reads, not the build's tables.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { batchReader, type GateBatch, type GateJob } from './gate-threads.ts';

const read = batchReader(workerData as GateJob);

parentPort!.on('message', (batch: GateBatch) =>
  read(batch).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  ),
);
