import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import type { Application } from '../../domain/application/application.ts';
import { CONSULTATION, PERIODS } from '../../domain/application/deadlines.ts';
import { outcomeLabel } from '../../domain/application/decisions.ts';
import { DUE_STATUS_LABEL } from '../../domain/application/due-status.ts';
import { isClosed } from '../../domain/application/states.ts';
import type { ApplicationView } from '../types.ts';
import { DateBlock } from './DateBlock.tsx';
import { DUE_COLOUR, daysLeftText, PROVISIONAL_HINT } from './DueTag.tsx';

const mark = (d: { date: string; provisional: boolean } | null | undefined) =>
  d ? `${d.date}${d.provisional ? '（暂定）' : ''}` : '—';

function pausedText(a: Application, today: string): string | null {
  const d = a.deadlines;
  if (!d.pausedSince) return null;
  if (d.consultation && today > d.consultation.date)
    return `征求意见已逾期：对方自收到征求意见函之次日起 ${PERIODS.consultation.days} 个工作日（至 ${d.consultation.date}）未提出意见，答复期限已恢复计算；由本机关依照条例的规定决定是否公开（条例第三十二条）`;
  if (d.consultation)
    return `自 ${d.pausedSince} 起${CONSULTATION[d.consultation.kind].label}，所需时间不计入答复期限（条例第三十三条第三款），至多到对方意见期限 ${mark(d.consultation)}`;
  return `自 ${d.pausedSince} 起等待缴纳信息处理费，缴费期间不计入答复期限；缴费期限 ${mark(d.feePayment)}`;
}

/** 法定期限: the reply clock first and largest, then every other date that binds the agency or the applicant. */
export function ClockCard({ view }: { view: ApplicationView }) {
  const a = view.application;
  const d = a.deadlines;
  const status = view.replyStatus;
  const provisional = [d.reply, d.latestReply, d.correctionNotice, d.correctionResponse, d.feePayment].some(
    (x) => x?.provisional,
  );
  if (isClosed(a.state))
    return (
      <Card title="法定期限" size="small" aria-label="法定期限">
        <Typography.Paragraph style={{ margin: 0 }}>
          已于 {a.closedOn ?? '—'} 办结{a.outcome ? `：${outcomeLabel(a.outcome)}` : ''}
          {d.reply && `（答复期限 ${d.reply.date}）`}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ margin: '8px 0 0' }} data-testid="remedy-dates">
          {d.reconsideration
            ? `答复书已送达：申请行政复议至 ${mark(d.reconsideration)}（60日，行政复议法第二十条）` +
              (d.litigation
                ? `；提起行政诉讼至 ${mark(d.litigation)}（6个月，行政诉讼法第四十六条）`
                : '；须先申请行政复议')
            : '答复书待送达：救济期限自送达之次日起计算'}
        </Typography.Paragraph>
      </Card>
    );
  const paused = pausedText(a, view.today);
  return (
    <Card title="法定期限" size="small" aria-label="法定期限">
      <Row gutter={[16, 12]} align="middle">
        <Col span={9}>
          {d.reply && status ? (
            <Statistic
              title={`答复期限 ${mark(d.reply)}`}
              value={daysLeftText(status.workingDaysLeft)}
              styles={{ content: { color: DUE_COLOUR[status.status], fontWeight: 700, fontSize: 26 } }}
              suffix={
                <span style={{ fontSize: 14, color: DUE_COLOUR[status.status] }}>
                  {status.status === 'due_soon' ? `（${DUE_STATUS_LABEL.due_soon}）` : ''}
                </span>
              }
            />
          ) : (
            <DateBlock
              title="答复期限"
              value={a.state === 'correction_requested' ? '待补正' : '—'}
              note={
                a.state === 'correction_requested'
                  ? '自收到补正后的申请之日起重新计算（条例第三十条）'
                  : undefined
              }
            />
          )}
        </Col>
        <Col span={5}>
          {a.correction ? (
            <DateBlock
              title="补正期限"
              value={mark(d.correctionResponse)}
              note={
                a.correction.receivedOn
                  ? `已于 ${a.correction.receivedOn} 收到补正`
                  : `${a.correction.periodDays} 个工作日`
              }
            />
          ) : (
            <DateBlock
              title="补正告知期限"
              value={mark(d.correctionNotice)}
              note={`收到申请后 ${PERIODS.correctionNotice.days} 个工作日内`}
            />
          )}
        </Col>
        <Col span={5}>
          <DateBlock
            title={a.extension ? '已延期' : '延期后最迟'}
            value={mark(d.latestReply)}
            note={
              a.extension
                ? `延长 ${a.extension.days} 个工作日`
                : `经负责人同意可延长一次，最长 ${PERIODS.extensionMax.days} 个工作日`
            }
          />
        </Col>
        <Col span={5}>
          <DateBlock
            title="收到申请之日"
            value={a.receivedOn}
            note={`答复期限 ${PERIODS.reply.days} 个工作日`}
          />
        </Col>
      </Row>
      {paused && (
        <Alert type="warning" showIcon title="暂停计时" description={paused} style={{ marginTop: 12 }} />
      )}
      {provisional && (
        <Alert
          type="info"
          showIcon
          title="期限为暂定"
          description={PROVISIONAL_HINT}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
