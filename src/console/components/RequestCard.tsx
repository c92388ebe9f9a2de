import { Card, Descriptions, Typography } from 'antd';
import { DELIVERY_METHOD_LABEL, INFORMATION_FORM_LABEL } from '../../domain/application/application.ts';
import { CHANNEL_LABEL, MAIL_KIND_LABEL, receiptRule } from '../../domain/application/channel.ts';
import { CONSULTATION } from '../../domain/application/deadlines.ts';
import { FEE_METHOD } from '../../domain/application/fees.ts';
import type { ApplicationView } from '../types.ts';
import { DecisionSummary } from './DecisionSummary.tsx';

/** 申请内容 and what has been recorded on it: 补正, consultations, extension, fee notice, decision. */
export function RequestCard({ view }: { view: ApplicationView }) {
  const a = view.application;
  const rule = receiptRule(a.receipt.channel, a.receipt.mailKind ?? null);
  return (
    <Card title="申请内容与办理情况" size="small">
      <Descriptions size="small" column={2}>
        <Descriptions.Item label="申请公开的信息" span={2}>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {a.items.map((item, i) => (
              <li key={i}>
                {item.description}
                {item.documentNumber && `（${item.documentNumber}）`}
              </li>
            ))}
          </ol>
        </Descriptions.Item>
        <Descriptions.Item label="获取形式">{INFORMATION_FORM_LABEL[a.form]}</Descriptions.Item>
        <Descriptions.Item label="获取途径">{DELIVERY_METHOD_LABEL[a.delivery]}</Descriptions.Item>
        <Descriptions.Item label="申请方式">
          {CHANNEL_LABEL[a.receipt.channel]}
          {a.receipt.channel === 'mail' && `（${MAIL_KIND_LABEL[a.receipt.mailKind ?? 'registered']}）`}
        </Descriptions.Item>
        <Descriptions.Item label="收到申请之日">
          {a.receivedOn}
          <Typography.Text type="secondary">{rule.article ? `（${rule.article}）` : ''}</Typography.Text>
        </Descriptions.Item>
        {a.correction && (
          <Descriptions.Item label="补正" span={2}>
            {a.correction.requestedOn} 告知补正，期限 {a.correction.periodDays} 个工作日
            {a.correction.receivedOn ? `，${a.correction.receivedOn} 收到补正` : '，尚未收到补正'}
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {a.correction.points.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          </Descriptions.Item>
        )}
        {a.consultations.map((c, i) => (
          <Descriptions.Item key={i} label={CONSULTATION[c.kind].label} span={2}>
            {c.party}：{c.sentOn} 发出{c.endedOn ? `，${c.endedOn} 结束` : '，尚未结束'}（
            {CONSULTATION[c.kind].article}）
          </Descriptions.Item>
        ))}
        {a.extensionRequest && (
          <Descriptions.Item label="延期申请" span={2}>
            {a.extensionRequest.requestedOn} {view.people[a.extensionRequest.requestedBy] ?? ''}申请延长{' '}
            {a.extensionRequest.days} 个工作日，待负责人批准；理由：{a.extensionRequest.reason}
          </Descriptions.Item>
        )}
        {a.extension && (
          <Descriptions.Item label="延长答复期限" span={2}>
            {a.extension.approvedOn} 经负责人
            {view.people[a.extension.approvedBy] ? `（${view.people[a.extension.approvedBy]}）` : ''}
            同意延长 {a.extension.days} 个工作日；理由：{a.extension.reason}
            {a.extension.requestedBy && a.extension.requestedBy !== a.extension.approvedBy
              ? `（${view.people[a.extension.requestedBy] ?? ''} ${a.extension.requestedOn ?? ''} 申请）`
              : ''}
          </Descriptions.Item>
        )}
        {a.fee && (
          <Descriptions.Item label="信息处理费" span={2}>
            {FEE_METHOD[a.fee.assessment.method].label} {a.fee.assessment.amount} 元，{a.fee.servedOn}{' '}
            送达收费通知
            {a.fee.paidOn ? `，${a.fee.paidOn} 缴费` : '，尚未缴费'}
          </Descriptions.Item>
        )}
      </Descriptions>
      {a.decision && (
        <>
          <Typography.Title level={2} style={{ fontSize: 15, marginTop: 12 }}>
            答复意见
          </Typography.Title>
          <DecisionSummary decision={a.decision} people={view.people} />
        </>
      )}
    </Card>
  );
}
