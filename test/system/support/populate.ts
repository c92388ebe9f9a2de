import type { Principal } from '../../../src/domain/access/principal.ts';
import type { ReviewAction } from '../../../src/domain/catalog/index.ts';
import { AppError } from '../../../src/domain/errors.ts';
import { act } from '../../../src/services/applications/actions.ts';
import { registerByStaff, submitOnline } from '../../../src/services/applications/intake.ts';
import { login } from '../../../src/services/auth.service.ts';
import { loadSchedule } from '../../../src/services/calendar.service.ts';
import { addAttachment } from '../../../src/services/catalog/attachment.service.ts';
import { createItem, itemView } from '../../../src/services/catalog/item.service.ts';
import { actOnItem, clearScanHit } from '../../../src/services/catalog/review.service.ts';
import type { ServiceContext } from '../../../src/services/context.ts';
import { todayInChina } from '../../../src/services/context.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../../support/fixtures.ts';
import type { Staff } from '../../support/fixtures.ts';

/** A 1×1 PNG. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A realistic installation written through the services, as the server would: two agencies with staff, a
 * staff session, applications at the counter and online (one through a whole lifecycle with its letters), and
 * catalog items with scanner hits and attachment files under DATA_DIR/attachments, one of them published.
 * Returns the principals and what was created, for the tests that check it back.
 */
export async function populate(ctx: ServiceContext) {
  const x = await agencyWithStaff(ctx, 'POP1', '某市某区卫生健康局');
  const y = await agencyWithStaff(ctx, 'POP2', '某市某区教育局');
  await login(ctx, 'pop1-handler', 'test-password-1');
  const today = todayInChina(ctx);
  await loadSchedule(ctx, x.staff.admin, {
    year: 2027,
    days: [
      { name: '元旦', date: '2027-01-01', isOffDay: true },
      { name: '春节', date: '2027-02-08', isOffDay: true },
    ],
  });

  const applications: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { application } = await registerByStaff(
      ctx,
      (i % 2 === 0 ? x : y).staff.registrar,
      counterApplication(today, {
        applicant: naturalApplicant({ name: `申请人${i}“引号”<b>` }),
        items: [
          {
            description: `2025年度第${i}批医疗机构名单`,
            documentNumber: i % 3 === 0 ? `某卫〔2025〕${i}号` : null,
          },
        ],
      }),
    );
    applications.push(application.id);
  }
  const online = await submitOnline(ctx, x.agency.id, {
    applicant: naturalApplicant({ name: '网上申请人' }),
    items: [{ description: '某区2025年财政预算执行情况', documentNumber: null }],
    form: 'electronic',
    delivery: 'online',
  });
  applications.push(online.application.id);

  const id = applications[0]!;
  const s = x.staff;
  await act(ctx, s.handler, id, {
    type: 'request_correction',
    points: ['请写明文件名称或文号'],
    periodDays: 10,
  });
  await act(ctx, s.registrar, id, { type: 'receive_correction', receivedOn: today });
  await act(ctx, s.handler, id, { type: 'start_consultation', kind: 'third_party', party: '某医药公司' });
  await act(ctx, s.handler, id, { type: 'end_consultation' });
  await act(ctx, s.head, id, { type: 'extend', days: 20, reason: '需要调取档案' });
  await act(ctx, s.handler, id, {
    type: 'submit_decision',
    decision: {
      outcome: 'partially_granted',
      replyType: 'separated',
      exemption: '涉及个人隐私，公开会损害第三方合法权益（条例第十五条）',
      reasons: '部分内容涉及个人隐私',
      responsibleAgency: null,
    },
  });
  await act(ctx, s.reviewer, id, { type: 'review_decision', opinion: '拟同意' });
  await act(ctx, s.head, id, { type: 'approve_decision', opinion: '同意' });
  await act(ctx, s.registrar, id, { type: 'send_reply' });
  await act(ctx, s.registrar, id, { type: 'archive' });
  await act(ctx, s.handler, applications[2]!, { type: 'accept' });

  const draft = await createItem(ctx, s.handler, x.agency.id, {
    title: '关于2026年春季传染病防控工作的通知',
    publisher: '某市某区卫生健康局',
    docNumber: '某卫发〔2026〕3号',
    writtenOn: today,
    categoryCode: 'jgzn',
    summary: '春季传染病防控',
    body: '各医疗机构：请做好春季传染病防控工作。联系电话：13912345678。',
  });
  await addAttachment(ctx, s.handler, draft.id, {
    fileName: '防控方案.txt',
    bytes: Buffer.from('春季传染病防控方案\n一、总体要求\n二、工作措施\n'),
  });
  await addAttachment(ctx, s.handler, draft.id, { fileName: '示意图.png', bytes: PNG_1X1 });
  const published = await publishItem(ctx, draft.id, x.staff);
  const second = await createItem(ctx, s.handler, x.agency.id, {
    title: '某区卫生健康局2026年工作要点',
    publisher: '某市某区卫生健康局',
    writtenOn: today,
    categoryCode: 'jgzn',
    body: '一、加强基层医疗卫生服务。二、推进健康城市建设。',
  });
  await addAttachment(ctx, s.handler, second.id, {
    fileName: '工作要点.txt',
    bytes: Buffer.from('工作要点全文\n'),
  });
  return { x, y, applications, items: [draft.id, second.id], published };
}

/** Takes a draft through the review chain to publication, each step by whichever role may take it. */
export async function publishItem(ctx: ServiceContext, itemId: number, staff: Record<string, Staff>) {
  const everyone = Object.values(staff) as Principal[];
  let view = await clearHits(ctx, itemId, everyone);
  for (const action of ['submit', 'approve', 'pass_secrecy', 'sign', 'publish'] as ReviewAction[]) {
    let done = false;
    for (const actor of everyone) {
      try {
        view = await actOnItem(ctx, actor, itemId, action);
        done = true;
        break;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'forbidden')) throw error;
      }
    }
    if (!done) throw new Error(`no role may ${action}`);
  }
  return view;
}

async function clearHits(ctx: ServiceContext, itemId: number, everyone: Principal[]) {
  let view = await itemView(ctx, everyone[0]!, itemId);
  for (const hit of view.hits.filter((h) => !h.clearedAt)) {
    for (const actor of everyone) {
      try {
        view = await clearScanHit(ctx, actor, hit.id, '办公电话，可以公开');
        break;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'forbidden')) throw error;
      }
    }
  }
  return view;
}
