import type { ReactNode } from 'react';
import { CONSULTATION } from '../../domain/application/deadlines.ts';
import type { ConsultationKind } from '../../domain/application/deadlines.ts';
import type { Decision } from '../../domain/application/decisions.ts';
import { outcomeLabel, REPLY_TYPE } from '../../domain/application/decisions.ts';
import type { FeeAssessment } from '../../domain/application/fees.ts';
import { FEE_METHOD } from '../../domain/application/fees.ts';

/** What an event's data says, in a line or a short list. */
export function EventDetails({ action, details }: { action: string; details: Record<string, unknown> }) {
  let content: ReactNode = null;
  switch (action) {
    case 'request_correction': {
      const points = (details.points as string[] | undefined) ?? [];
      content = (
        <>
          补正期限 {String(details.periodDays)} 个工作日，需补正：
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {points.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ol>
        </>
      );
      break;
    }
    case 'receive_correction':
      content = `收到补正后的申请之日：${String(details.receivedOn)}`;
      break;
    case 'start_consultation': {
      const kind = details.kind as ConsultationKind;
      content = `${CONSULTATION[kind]?.label ?? '征求意见'}：${String(details.party)}`;
      break;
    }
    case 'review_decision':
      content = `审核意见：${String(details.opinion || '同意')}`;
      break;
    case 'approve_decision':
      content = `签发意见：${String(details.opinion || '同意')}`;
      break;
    case 'request_extension':
    case 'extend':
      content = `延长 ${String(details.days)} 个工作日；理由：${String(details.reason)}`;
      break;
    case 'issue_fee_notice': {
      const a = details.assessment as FeeAssessment | undefined;
      if (a)
        content = `${FEE_METHOD[a.method].label}，${a.quantity}${FEE_METHOD[a.method].unit}，${a.amount} 元`;
      break;
    }
    case 'submit_decision': {
      const d = details.decision as Decision | undefined;
      if (d)
        content = [outcomeLabel(d.outcome), d.replyType ? REPLY_TYPE[d.replyType].label : null]
          .filter(Boolean)
          .join('；');
      break;
    }
    case 'open_cosign': {
      const list = (details.cosigns as { department: string; dueOn: string; workingDays: number }[]) ?? [];
      content = (
        <>
          会签事项：{String(details.question)}
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {list.map((c) => (
              <li key={c.department}>
                {c.department}：会签期限 {c.dueOn}（{c.workingDays} 个工作日）
              </li>
            ))}
          </ul>
          不中止答复期限{details.replyDue ? `（答复期限 ${String(details.replyDue)}）` : ''}
        </>
      );
      break;
    }
    case 'answer_cosign':
      content = `${String(details.department)}会签意见：${String(details.opinion)}（答复人：${String(details.answererName)}${details.onBehalf ? '，代为登记' : ''}${details.late ? '，逾期答复' : ''}）`;
      break;
    case 'withdraw_cosign':
      content = `${String(details.department)}的会签已撤回；撤回理由：${String(details.reason)}`;
      break;
    case 'assign':
    case 'reassign':
      content = `承办人：${String(details.assigneeName ?? '')}${details.reason ? `；理由：${String(details.reason)}` : ''}`;
      break;
    case 'return_decision':
    case 'withdraw':
      if (details.reason) content = `理由：${String(details.reason)}`;
      break;
  }
  return content ? <div>{content}</div> : null;
}
