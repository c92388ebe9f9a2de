import type { Migration } from 'kysely';
import type { DialectName } from '../database.ts';
import { core } from './0001-core.ts';
import { applications } from './0002-applications.ts';
import { catalog } from './0003-catalog.ts';
import { appealsReports } from './0004-appeals-reports.ts';
import { supervision } from './0005-supervision.ts';
import { catalogIndexes } from './0006-catalog-indexes.ts';
import { serviceAttachments } from './0007-service-attachments.ts';
import { mailReminders } from './0008-mail-reminders.ts';
import { requestCounts } from './0008-request-counts.ts';
import { portalPages } from './0009-portal-pages.ts';
import { privacy } from './0010-privacy.ts';
import { standardCatalog } from './0013-standard-catalog.ts';
import { letterNumbers } from './0014-letter-numbers.ts';
import { sharedState } from './0015-shared-state.ts';
import { assignments } from './0016-assignments.ts';
import { cosigns } from './0017-cosigns.ts';
import { bulkImports } from './0020-bulk-imports.ts';
import { catalogSearch } from './0021-catalog-search.ts';
import { userLockColumns } from './0023-user-lock-columns.ts';
import { catalogSearchOrder } from './0026-catalog-search-order.ts';
import { cosignWithdrawal } from './0028-cosign-withdrawal.ts';
import { catalogListingIndex } from './0029-catalog-listing-index.ts';

/** The migration that makes the audit chain keyed (and encrypts applicant names): app.ts re-keys after it. */
export const KEYED_CHAIN_MIGRATION = '0010-privacy';

/** Every migration, in order. Append only: a released migration is never edited. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-core': core(dialect),
    '0002-applications': applications(dialect),
    '0003-catalog': catalog(dialect),
    '0004-appeals-reports': appealsReports(dialect),
    '0005-supervision': supervision(dialect),
    '0006-catalog-indexes': catalogIndexes(),
    '0007-service-attachments': serviceAttachments(dialect),
    '0008-mail-reminders': mailReminders(dialect),
    '0008-request-counts': requestCounts(),
    '0009-portal-pages': portalPages(dialect),
    [KEYED_CHAIN_MIGRATION]: privacy(),
    '0013-standard-catalog': standardCatalog(dialect),
    '0014-letter-numbers': letterNumbers(dialect),
    '0015-shared-state': sharedState(dialect),
    '0016-assignments': assignments(dialect),
    '0017-cosigns': cosigns(dialect),
    '0020-bulk-imports': bulkImports(dialect),
    '0021-catalog-search': catalogSearch(dialect),
    '0023-user-lock-columns': userLockColumns(),
    '0026-catalog-search-order': catalogSearchOrder(dialect),
    '0028-cosign-withdrawal': cosignWithdrawal(),
    '0029-catalog-listing-index': catalogListingIndex(),
  };
}
