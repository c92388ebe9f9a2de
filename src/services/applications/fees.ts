import type { Principal } from '../../domain/access/principal.ts';
import type { FeeAssessment, FeeMethod } from '../../domain/application/index.ts';
import { feeFor, nthApplicationFee } from '../../domain/application/index.ts';
import { forbidden, notFound, validationError } from '../../domain/errors.ts';
import { findApplication } from '../../persistence/repositories/application.repository.ts';
import type { ServiceContext } from '../context.ts';

/**
 * A 信息处理费 quote for one application (国办函〔2020〕109号): 按件 counts the same applicant's applications
 * received by this agency in the same calendar month up to this one (matched by ID number, through its blind
 * index); 按量 charges the pages. The agency chooses one method per application.
 */
export async function feeQuote(
  ctx: ServiceContext,
  principal: Principal,
  id: number,
  method: FeeMethod,
  pages?: number,
): Promise<FeeAssessment & { applicationsInMonth?: number }> {
  if (principal.kind !== 'staff') throw forbidden('请先登录');
  const stored = await findApplication(ctx.database.db, id);
  if (!stored || stored.agencyId !== principal.agencyId) throw notFound('申请');
  if (method === 'per_page') {
    if (pages === undefined || !Number.isInteger(pages) || pages < 0)
      throw validationError('pages', '按量计收须填写页数（非负整数）');
    return feeFor('per_page', pages);
  }
  const month = stored.application.receivedOn.slice(0, 7);
  const idx = stored.applicant.idNumberIdx;
  if (!idx) return { ...nthApplicationFee(1), applicationsInMonth: 1 };
  const rows = await ctx.database.db
    .selectFrom('applications')
    .select(['id', 'received_on'])
    .where('agency_id', '=', stored.agencyId)
    .where('id_number_idx', '=', idx)
    .where('received_on', '>=', `${month}-01`)
    .where('received_on', '<=', `${month}-31`)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
  const n = rows.findIndex((r) => r.id === id) + 1;
  return { ...nthApplicationFee(n), applicationsInMonth: rows.length };
}
