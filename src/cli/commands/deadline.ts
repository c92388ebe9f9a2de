import type { Channel, MailKind } from '../../domain/application/index.ts';
import {
  CHANNEL_LABEL,
  CHANNELS,
  DEFAULT_CORRECTION_PERIOD_DAYS,
  isChannel,
  MAX_CORRECTION_PERIOD_DAYS,
  PERIODS,
  whatIf,
} from '../../domain/application/index.ts';
import { deadlineSummary } from '../../services/deadline.service.ts';
import type { CalendarDate } from '../../domain/calendar/index.ts';
import { bundledCalendar, isLocalDate } from '../../domain/calendar/index.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';

const MAIL: Record<string, MailKind> = {
  挂号: 'registered',
  平信: 'ordinary',
  registered: 'registered',
  ordinary: 'ordinary',
};

function channelOf(value: string | undefined): Channel {
  if (value === undefined) return 'in_person';
  const channel = CHANNELS.find((c) => CHANNEL_LABEL[c] === value) ?? (isChannel(value) ? value : null);
  if (!channel)
    throw new UsageError(`--channel 应为 ${CHANNELS.map((c) => CHANNEL_LABEL[c]).join('、')} 之一`);
  return channel;
}

function dateOption(values: Record<string, unknown>, name: string): string | null {
  const value = values[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !isLocalDate(value))
    throw new UsageError(`--${name} 应为有效日期 YYYY-MM-DD：${String(value)}`);
  return value;
}

export const deadline: Command = {
  words: ['deadline'],
  summary:
    '依申请公开期限：按条例第三十一条确定收到申请之日，并按补正、征求意见、延期、收费等事实计算各项期限（工作日）',
  usage:
    'gongkai deadline --received YYYY-MM-DD [--channel 当面|邮寄|网络|传真|其他] [--mail 挂号|平信] ' +
    '[--correction-issued D] [--correction-served D] [--correction-received D] [--correction-days N] ' +
    '[--consultation-sent D] [--consultation-received D] [--consultation-answered D] [--extension N] ' +
    '[--fee-served D] [--fee-paid D] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      received: { type: 'string' },
      channel: { type: 'string' },
      mail: { type: 'string' },
      'correction-issued': { type: 'string' },
      'correction-served': { type: 'string' },
      'correction-received': { type: 'string' },
      'correction-days': { type: 'string' },
      'consultation-sent': { type: 'string' },
      'consultation-received': { type: 'string' },
      'consultation-answered': { type: 'string' },
      extension: { type: 'string' },
      'fee-served': { type: 'string' },
      'fee-paid': { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.received === undefined) throw new UsageError('缺少 --received（收到申请的日期）');
    if (!isLocalDate(values.received))
      throw new UsageError(`--received 应为有效日期 YYYY-MM-DD：${values.received}`);
    const channel = channelOf(values.channel);
    const mailKind = values.mail === undefined ? null : (MAIL[values.mail] ?? null);
    if (values.mail !== undefined && (mailKind === null || channel !== 'mail'))
      throw new UsageError('--mail 只用于邮寄，应为“挂号”或“平信”');
    const date = (name: string) => dateOption(values, name);
    const whole = (name: string, min: number, max: number) => {
      const raw = values[name as keyof typeof values];
      if (raw === undefined) return null;
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min || n > max)
        throw new UsageError(`--${name} 应为 ${min}–${max} 的整数`);
      return n;
    };
    const calendar = bundledCalendar();
    const summary = deadlineSummary(calendar, values.received, channel, mailKind);
    const served = date('correction-served');
    const issued = date('correction-issued') ?? served;
    const sent = date('consultation-sent');
    const feeServed = date('fee-served');
    if (date('correction-received') && !issued)
      throw new UsageError('--correction-received 须与 --correction-served 同用');
    if ((date('consultation-answered') || date('consultation-received')) && !sent)
      throw new UsageError('--consultation-answered 须与 --consultation-sent 同用');
    if (date('fee-paid') && !feeServed) throw new UsageError('--fee-paid 须与 --fee-served 同用');
    const result = whatIf(
      {
        receivedOn: summary.receivedOn,
        ...(issued
          ? {
              correction: {
                issuedOn: issued,
                servedOn: served,
                receivedOn: date('correction-received'),
                periodDays:
                  whole('correction-days', 1, MAX_CORRECTION_PERIOD_DAYS) ?? DEFAULT_CORRECTION_PERIOD_DAYS,
              },
            }
          : {}),
        ...(sent
          ? {
              consultation: {
                sentOn: sent,
                receivedOn: date('consultation-received'),
                answeredOn: date('consultation-answered'),
              },
            }
          : {}),
        extensionDays: whole('extension', 1, PERIODS.extensionMax.days) ?? 0,
        ...(feeServed ? { fee: { servedOn: feeServed, paidOn: date('fee-paid') } } : {}),
      },
      calendar,
    );
    const d = result.deadlines;
    const code = result.refusals.length > 0 ? 1 : 0;
    const all = [
      d.correctionNotice,
      d.correctionResponse,
      d.reply,
      d.latestReply,
      d.consultation,
      d.feePayment,
    ];
    const provisional = all.some((x) => x?.provisional);
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            receivedOn: summary.receivedOn,
            channel,
            rule: summary.rule,
            article: summary.article,
            correctionNoticeDue: d.correctionNotice,
            correctionDue: d.correctionResponse,
            replyDue: d.reply,
            latestReplyDue: d.latestReply,
            consultationDue: d.consultation,
            feePaymentDue: d.feePayment,
            correctionRestartsReply: issued ? !result.correctionLate : null,
            refusals: result.refusals,
            provisional,
          },
          null,
          2,
        ) + '\n',
      );
      return code;
    }
    const line = (label: string, x: CalendarDate, why: string) =>
      `${label}：${x.date}（${x.provisional ? '暂定；' : ''}${why}）`;
    const years = calendar.scheduledYears;
    const replyWhy = !issued
      ? `自收到申请之日起 ${PERIODS.reply.days} 个工作日内答复`
      : result.correctionLate
        ? `补正告知逾期，答复期限不重新计算，仍自收到申请之日起 ${PERIODS.reply.days} 个工作日`
        : `自收到补正后的申请之日起 ${PERIODS.reply.days} 个工作日，条例第三十条`;
    const lines = [
      ...result.refusals.map((r) => `拒绝：${r}`),
      `收到申请之日：${summary.receivedOn}（${summary.rule}${summary.article ? `，${summary.article}` : ''}）`,
      line(
        '补正告知期限',
        d.correctionNotice,
        `申请内容不明确的，应自收到申请之日起 ${PERIODS.correctionNotice.days} 个工作日内一次性告知补正，${PERIODS.correctionNotice.article}`,
      ),
      ...(issued && !served ? ['补正期限：待送达（自补正告知书送达之次日起计算）'] : []),
      ...(d.correctionResponse
        ? [line('补正期限', d.correctionResponse, '自补正告知书送达之次日起计算，条例第三十条')]
        : []),
      ...(d.consultation
        ? [
            line(
              '征求意见期限',
              d.consultation,
              `被征求意见方自收到征求意见函之次日起 ${PERIODS.consultation.days} 个工作日，条例第三十二条`,
            ),
          ]
        : []),
      ...(d.feePayment
        ? [
            line(
              '缴费期限',
              d.feePayment,
              `自收到收费通知书之次日起 ${PERIODS.feePayment.days} 个工作日，${PERIODS.feePayment.article}`,
            ),
          ]
        : []),
      d.reply
        ? line(
            '答复期限',
            d.reply,
            `${replyWhy}，${PERIODS.reply.article}${sent ? '；征求意见所需时间不计入（至多 15 个工作日），条例第三十三条第三款' : ''}`,
          )
        : '答复期限：待补正（自收到补正后的申请之日起重新计算，条例第三十条）',
      ...(d.latestReply
        ? [
            line(
              '延长后最迟答复期限',
              d.latestReply,
              `经政府信息公开工作机构负责人同意并告知申请人，延长不超过 ${PERIODS.extensionMax.days} 个工作日，${PERIODS.extensionMax.article}`,
            ),
          ]
        : []),
      '期限自次日起按工作日计算；征求第三方或其他机关意见所需时间不计入答复期限（条例第三十三条第三款，至多为对方的 15 个工作日），告知补正的，答复期限自收到补正后的申请之日起重新计算（条例第三十条）。',
      provisional
        ? `注意：标“暂定”的日期涉及尚未公布放假安排的年份（已收录 ${years[0]}–${years.at(-1)} 年），仅按周末和法定节假日推算，放假安排公布后可能变化。`
        : `工作日依据国务院办公厅公布的放假安排计算（已收录 ${years[0]}–${years.at(-1)} 年）。`,
    ];
    io.out(lines.join('\n') + '\n');
    return code;
  },
};
