import type { Kysely, Migration } from 'kysely';

/**
 * Issue 16 — personal data at rest and a keyed audit chain. Applicant names are encrypted like the other
 * personal data (the `applicant_name` column then holds the AES-GCM ciphertext, "v1:…") with a blind index for
 * exact search (`applicant_name_idx`, HMAC). The encryption needs the key, which the migration does not have:
 * rows whose index is still null are encrypted at start (services/applications/seal-names.ts). Applying this
 * migration also re-keys an intact unkeyed audit chain under the HMAC key (app.ts, rekeyLegacyChain).
 */
export function privacy(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('applications').addColumn('applicant_name_idx', 'text').execute();
      await db.schema
        .createIndex('applications_applicant_name')
        .on('applications')
        .columns(['agency_id', 'applicant_name_idx'])
        .execute();
    },
  };
}
