import type { ServiceContext } from '../context.ts';
import { inTransaction } from '../context.ts';

/**
 * Applicant names stored before 0010 are plaintext: at start (app.ts) every row whose blind index is still null
 * gets its name encrypted and indexed, a batch per transaction, with one system event saying how many. Rows
 * written since 0010 are sealed when written, so on an up-to-date database this is one indexed query.
 */
export async function sealApplicantNames(ctx: ServiceContext): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await ctx.database.db
      .selectFrom('applications')
      .select(['id', 'applicant_name'])
      .where('applicant_name_idx', 'is', null)
      .orderBy('id')
      .limit(500)
      .execute();
    if (batch.length === 0) break;
    await inTransaction(ctx, async (trx, record) => {
      for (const row of batch)
        await trx
          .updateTable('applications')
          .set({
            applicant_name: ctx.cipher.encrypt(row.applicant_name),
            applicant_name_idx: ctx.cipher.blindIndex(row.applicant_name),
          })
          .where('id', '=', row.id)
          .where('applicant_name_idx', 'is', null)
          .execute();
      await record({
        agencyId: null,
        entityType: 'system',
        entityId: 'applicant-names',
        action: 'seal_applicant_names',
        actor: 'system',
        data: { count: batch.length, firstId: batch[0]!.id, lastId: batch[batch.length - 1]!.id },
      });
    });
    sealed += batch.length;
  }
  return sealed;
}
