import { runBulkImports } from '../supervision/bulk-import.service.ts';
import { schedule } from './scheduler.ts';

/**
 * Files of a bulk upload left pending — the process that took the upload stopped, or its lease passed — are
 * read by whichever process runs this job (services/supervision/bulk-import.service.ts).
 */
export const BULK_IMPORTS_JOB = 'bulk-imports';

schedule(BULK_IMPORTS_JOB, '30 seconds', async (ctx) => {
  await runBulkImports(ctx);
});
