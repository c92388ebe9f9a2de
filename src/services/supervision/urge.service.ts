import type { Principal } from '../../domain/access/principal.ts';
import { actorOf } from '../../domain/access/principal.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { REPORT_STATUS_LABEL } from '../../domain/report-workspace/index.ts';
import { ARRIVED_STATUSES } from '../../domain/supervision/index.ts';
import { findAgency, subtreeIds } from '../../persistence/repositories/agency.repository.ts';
import { enqueueMail } from '../../persistence/repositories/mail.repository.ts';
import { findReport } from '../../persistence/repositories/report.repository.ts';
import { insertUrge } from '../../persistence/repositories/report-urge.repository.ts';
import { listUsers } from '../../persistence/repositories/user.repository.ts';
import { checkYear } from '../appeals/table4.ts';
import type { ServiceContext } from '../context.ts';
import { inTransaction, nowIso } from '../context.ts';
import { requireSessionSupervisor } from './scope.ts';

/**
 * 催报 (issue 12 point 9): the supervising office reminds an agency below it whose annual report has not arrived
 * (条例第四十九条). The 催报 is kept (report_urges), shown in the collection, and mailed through the outbox to the
 * agency's 负责人, 承办人 and 管理员 who have an address — in one transaction with its event.
 */
const RECIPIENT_ROLES = ['head', 'handler', 'admin'];
export const MAX_URGE_MESSAGE = 2000;

export async function urgeReport(
  ctx: ServiceContext,
  actor: Principal,
  agencyId: number,
  year: number,
  input: { message?: string | null },
) {
  checkYear(year);
  const staff = requireSessionSupervisor(actor);
  const agency = await findAgency(ctx.database.db, agencyId);
  if (!agency) throw notFound('机关');
  const below = await subtreeIds(ctx.database.db, staff.agencyId);
  if (agencyId === staff.agencyId || !below.includes(agencyId))
    throw new AppError('forbidden', '只能向本机关所辖下级机关催报', 'agencyId');
  const record = await findReport(ctx.database.db, agencyId, year);
  const status = record?.status ?? 'not_started';
  if (ARRIVED_STATUSES.includes(status))
    throw new AppError(
      'invalid_state',
      `该机关的年度报告已“${REPORT_STATUS_LABEL[status]}”，无需催报`,
      'agencyId',
    );
  const from = await findAgency(ctx.database.db, staff.agencyId);
  const message =
    input.message?.trim() ||
    `请于报送期限前报送${year}年政府信息公开工作年度报告（《中华人民共和国政府信息公开条例》第四十九条）。`;
  if (message.length > MAX_URGE_MESSAGE)
    throw new AppError(
      'validation',
      `催报内容最多 ${MAX_URGE_MESSAGE} 字，现为 ${message.length} 字`,
      'message',
    );
  return inTransaction(ctx, async (trx, record) => {
    const users = (await listUsers(trx, agencyId)).filter(
      (u) => !u.disabled && u.email && u.roles.some((r) => RECIPIENT_ROLES.includes(r)),
    );
    const at = nowIso(ctx);
    const id = await insertUrge(
      trx,
      {
        agencyId,
        year,
        fromAgencyId: staff.agencyId,
        message,
        recipients: users.length,
        createdBy: staff.userId,
      },
      at,
    );
    for (const user of users)
      await enqueueMail(
        trx,
        {
          agencyId,
          toUserId: user.id,
          toAddress: user.email!,
          subject: `【催报】请报送${agency.name}${year}年政府信息公开工作年度报告`,
          body: `${user.displayName}：\n\n${from?.name ?? '上级政务公开办'}催报：${message}\n\n当前状态：${REPORT_STATUS_LABEL[status]}。请登录政府信息公开工作台办理。`,
          kind: 'report_urge',
          dedupeKey: `report_urge:${id}:user:${user.id}`,
        },
        at,
      );
    await record({
      agencyId,
      entityType: 'report_urge',
      entityId: id,
      action: 'urge',
      actor: actorOf(staff),
      actorRole: staff.roles.join(','),
      data: { year, message, recipients: users.map((u) => u.id), status },
    });
    return { id, agencyId, year, message, recipients: users.length, at };
  });
}
