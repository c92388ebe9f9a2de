import type { Kysely } from 'kysely';
import type { Schema } from '../schema.ts';

/** An annual report as published on the portal: frozen; a correction is a new version, the latest is shown. */
export interface PublishedReport {
  id: number;
  agencyId: number;
  year: number;
  title: string;
  /** interchange JSON (gongkai.annual-report/1) */
  reportJson: string;
  publishedAt: string;
  publishedBy: number | null;
}

export async function insertPublishedReport(
  db: Kysely<Schema>,
  r: Omit<PublishedReport, 'id'>,
): Promise<PublishedReport> {
  const row = await db
    .insertInto('published_reports')
    .values({
      agency_id: r.agencyId,
      year: r.year,
      title: r.title,
      report_json: r.reportJson,
      published_at: r.publishedAt,
      published_by: r.publishedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...r, id: row.id };
}

/** The published reports of an agency, newest year first, the latest version of each year, without content. */
export async function publishedReportsOf(
  db: Kysely<Schema>,
  agencyId: number,
): Promise<Omit<PublishedReport, 'reportJson'>[]> {
  const rows = await db
    .selectFrom('published_reports')
    .select(['id', 'agency_id', 'year', 'title', 'published_at', 'published_by'])
    .where('agency_id', '=', agencyId)
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = rows.filter((r, i) => i === 0 || rows[i - 1]!.year !== r.year);
  return latest.map((r) => ({
    id: r.id,
    agencyId: r.agency_id,
    year: r.year,
    title: r.title,
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  }));
}

export async function findPublishedReport(
  db: Kysely<Schema>,
  agencyId: number,
  year: number,
): Promise<PublishedReport | null> {
  const r = await db
    .selectFrom('published_reports')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        agencyId: r.agency_id,
        year: r.year,
        title: r.title,
        reportJson: r.report_json,
        publishedAt: r.published_at,
        publishedBy: r.published_by,
      }
    : null;
}
