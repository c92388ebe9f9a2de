import { Descriptions } from 'antd';
import type { DecisionRecord } from '../../domain/application/application.ts';
import { legalBasis, OUTCOME_RULES, outcomeLabel, REPLY_TYPE } from '../../domain/application/decisions.ts';

/** 答复意见: outcome (the table 三 row), reply type, exemption, reasons, legal basis, review trail. */
export function DecisionSummary({
  decision,
  people = {},
}: {
  decision: DecisionRecord;
  people?: Record<string, string>;
}) {
  const who = (actor: string | null | undefined) => (actor ? (people[actor] ?? '') : '');
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
      <Descriptions.Item label="拟办">
        {decision.draftedOn} {who(decision.draftedBy)}
      </Descriptions.Item>
      <Descriptions.Item label="审核意见">
        {decision.reviewedOn
          ? `${decision.reviewedOn} ${who(decision.reviewedBy)}：${decision.reviewOpinion ?? ''}`
          : decision.approvedOn && decision.reviewedOn === undefined
            ? `${decision.approvedOn} 审核通过`
            : '待审核'}
      </Descriptions.Item>
      <Descriptions.Item label="签发意见">
        {decision.approvedOn && decision.reviewedOn !== undefined
          ? `${decision.approvedOn} ${who(decision.approvedBy)}：${decision.approvalOpinion ?? ''}`
          : decision.approvedOn
            ? '（本功能启用前审核，未单独签发）'
            : '待签发'}
      </Descriptions.Item>
      {decision.selfSignOff && (
        <Descriptions.Item label="职责分离">
          承办人本人审核或签发（本机关设置允许一人办公室自行签发）
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
