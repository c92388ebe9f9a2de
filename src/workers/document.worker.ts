import { workerData } from 'node:worker_threads';
import type { DocumentLimits } from '../import/limits.ts';
import { setDocumentLimits } from '../import/limits.ts';
import type { DocumentTask, Envelope } from './document-tasks.ts';
import { runDocumentTask } from './document-tasks.ts';

/**
 * The body of a document worker thread (loaded by bin/document-worker.js, which registers the TypeScript
 * loader first): the limits from the pool's configuration, then one task per call.
 */
const data = workerData as { limits?: Partial<DocumentLimits> } | null;
if (data?.limits) setDocumentLimits(data.limits);

export default function documentWorker(task: DocumentTask): Promise<Envelope<unknown>> {
  return runDocumentTask(task);
}
