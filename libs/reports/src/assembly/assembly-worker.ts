/**
 * One thread of the AssemblyPool: takes a batch of subjects with what their reports share, and
 * answers with each report (its JSON and its seal) in order, or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import type { AssemblyBatch, AssemblyResult } from './assembly-pool';
import { assembleStoredReport } from './report-assembly';

const port = parentPort;
if (!port) {
  throw new Error('assembly-worker runs as a worker thread only');
}

port.on('message', ({ id, jobs, settings }: AssemblyBatch) => {
  let result: AssemblyResult;
  try {
    result = { id, reports: jobs.map((job) => assembleStoredReport(job, settings)) };
  } catch (error) {
    result = { id, error: (error as Error).message ?? String(error) };
  }
  port.postMessage(result);
});
