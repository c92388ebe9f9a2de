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
import { privacy } from './0010-privacy.ts';

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
    [KEYED_CHAIN_MIGRATION]: privacy(),
  };
}
