import { Descriptions } from 'antd';
import type { DecisionRecord } from '../../domain/application/application.ts';
import { legalBasis, OUTCOME_RULES, outcomeLabel, REPLY_TYPE } from '../../domain/application/decisions.ts';

/** 答复意见: outcome (the table 三 row), reply type, exemption, reasons, legal basis, review trail. */
export function DecisionSummary({ decision }: { decision: DecisionRecord }) {
  const rule = OUTCOME_RULES[decision.outcome];
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="办理结果">{outcomeLabel(decision.outcome)}</Descriptions.Item>
      {decision.replyType && (
        <Descriptions.Item label="答复类型">
          {REPLY_TYPE[decision.replyType].label}（{REPLY_TYPE[decision.replyType].article}）
        </Descriptions.Item>
      )}
      {decision.exemption && (
        <Descriptions.Item label="不予公开的依据">{decision.exemption}</Descriptions.Item>
      )}
      {decision.reasons && <Descriptions.Item label="理由">{decision.reasons}</Descriptions.Item>}
      {decision.responsibleAgency && (
        <Descriptions.Item label="负责公开的机关">{decision.responsibleAgency}</Descriptions.Item>
      )}
      <Descriptions.Item label="法律依据">{legalBasis(decision).join('、') || '—'}</Descriptions.Item>
      {rule.reconsiderationFirst && (
        <Descriptions.Item label="救济途径">
          复议前置：应先申请行政复议（行政复议法第二十三条）
        </Descriptions.Item>
      )}
      <Descriptions.Item label="拟办">{decision.draftedOn}</Descriptions.Item>
      <Descriptions.Item label="审核">
        {decision.approvedOn ? `${decision.approvedOn} 审核通过` : '待审核'}
      </Descriptions.Item>
    </Descriptions>
  );
}
