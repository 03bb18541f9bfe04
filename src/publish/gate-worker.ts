/**
 * One thread of the privacy gate (gate-threads.ts starts it from .build/gate-worker.mjs): the
 * same scanForLeaks, over each batch of files it is sent, with the private values it was given.
 * A content this thread found clean in a batch without a leak is not read again in its next
 * batches (a bundle's entries and the release folder's copies of a table). Its heap holds the
 * values and the texts it reads, not the build's tables.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PrivateValues } from '../validate/private-values.ts';
import { contentEntry, meaningfulView, scanForLeaks, type ContentRead } from './privacy-gate.ts';
import type { GateBatch, GateJob, GateReply } from './gate-threads.ts';

const job = workerData as GateJob;
const lookup = meaningfulView(PrivateValues.from(job.values));
const memory = job.passedBefore ? new Set(job.passedBefore) : null;
const cleanHere = new Set<ContentRead>();

async function scan({ paths }: GateBatch): Promise<GateReply> {
  const reply: GateReply = { leaks: [], read: [], clean: [], passed: [] };
  reply.leaks = await scanForLeaks(job.root, lookup, {
    paths,
    pieceBytes: job.pieceBytes,
    cellsAtOnce: job.cellsAtOnce,
    onRead: (rel, hash) => reply.read.push([rel, hash]),
    onClean: (rel, content) => reply.clean.push([rel, content]),
    passedBefore: (content) => cleanHere.has(content) || (!!memory?.has(contentEntry(content)) && reply.passed.push(content) > 0),
  });
  // Only a batch without a leak vouches for its contents: a cell is known private only once its batch is matched.
  if (reply.leaks.length === 0) for (const [, content] of reply.clean) cleanHere.add(content);
  return reply;
}

parentPort!.on('message', (batch: GateBatch) =>
  scan(batch).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  ),
);
