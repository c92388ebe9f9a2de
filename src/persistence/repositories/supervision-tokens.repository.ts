import type { Kysely, Selectable } from 'kysely';
import type { SupervisionTokenTable } from '../schema-supervision.ts';
import type { Schema } from '../schema.ts';

/** Read-only API tokens of supervising agencies (stored as sha256; the token is shown once). */
export interface SupervisionToken {
  id: number;
  agencyId: number;
  name: string;
  hint: string;
  createdBy: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toToken = (r: Selectable<SupervisionTokenTable>): SupervisionToken => ({
  id: r.id,
  agencyId: r.agency_id,
  name: r.name,
  hint: r.hint,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function insertToken(
  db: Kysely<Schema>,
  input: {
    agencyId: number;
    name: string;
    tokenHash: string;
    hint: string;
    createdBy: number;
    createdAt: string;
  },
): Promise<SupervisionToken> {
  const row = await db
    .insertInto('supervision_tokens')
    .values({
      agency_id: input.agencyId,
      name: input.name,
      token_hash: input.tokenHash,
      hint: input.hint,
      created_by: input.createdBy,
      created_at: input.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toToken(row);
}

export async function findTokenByHash(
  db: Kysely<Schema>,
  tokenHash: string,
): Promise<SupervisionToken | null> {
  const row = await db
    .selectFrom('supervision_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function findToken(db: Kysely<Schema>, id: number): Promise<SupervisionToken | null> {
  const row = await db.selectFrom('supervision_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toToken(row) : null;
}

export async function tokensOf(db: Kysely<Schema>, agencyId: number): Promise<SupervisionToken[]> {
  const rows = await db
    .selectFrom('supervision_tokens')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toToken);
}

export async function markTokenUsed(db: Kysely<Schema>, id: number, at: string): Promise<void> {
  await db.updateTable('supervision_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: Kysely<Schema>, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('supervision_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
