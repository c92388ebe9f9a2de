import type { Channel, MailKind } from '../../domain/application/index.ts';
import { CHANNEL_LABEL, CHANNELS, isChannel, PERIODS } from '../../domain/application/index.ts';
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

export const deadline: Command = {
  words: ['deadline'],
  summary:
    '依申请公开期限：按条例第三十一条确定收到申请之日，计算补正告知期限、答复期限和延长后的最迟答复期限（工作日）',
  usage:
    'gongkai deadline --received YYYY-MM-DD [--channel 当面|邮寄|网络|传真|其他] [--mail 挂号|平信] [--json]',
  async run(args, io) {
    const { values } = parse(args, {
      received: { type: 'string' },
      channel: { type: 'string' },
      mail: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (values.received === undefined) throw new UsageError('缺少 --received（收到申请的日期）');
    if (!isLocalDate(values.received))
      throw new UsageError(`--received 应为有效日期 YYYY-MM-DD：${values.received}`);
    const channel = channelOf(values.channel);
    const mailKind = values.mail === undefined ? null : (MAIL[values.mail] ?? null);
    if (values.mail !== undefined && (mailKind === null || channel !== 'mail'))
      throw new UsageError('--mail 只用于邮寄，应为“挂号”或“平信”');
    const calendar = bundledCalendar();
    const summary = deadlineSummary(calendar, values.received, channel, mailKind);
    const receipt = { date: summary.receivedOn, rule: summary.rule, article: summary.article };
    const d = { correctionNotice: summary.correctionNotice };
    const reply = summary.reply;
    const latest = summary.latestReply;
    const provisional = summary.provisional;
    if (values.json) {
      io.out(
        JSON.stringify(
          {
            receivedOn: receipt.date,
            channel,
            rule: receipt.rule,
            article: receipt.article,
            correctionNoticeDue: d.correctionNotice,
            replyDue: reply,
            latestReplyDue: latest,
            provisional,
          },
          null,
          2,
        ) + '\n',
      );
      return 0;
    }
    const line = (label: string, x: CalendarDate, why: string) =>
      `${label}：${x.date}（${x.provisional ? '暂定；' : ''}${why}）`;
    const years = calendar.scheduledYears;
    const lines = [
      `收到申请之日：${receipt.date}（${receipt.rule}${receipt.article ? `，${receipt.article}` : ''}）`,
      line(
        '补正告知期限',
        d.correctionNotice,
        `申请内容不明确的，应自收到申请之日起 ${PERIODS.correctionNotice.days} 个工作日内一次性告知补正，${PERIODS.correctionNotice.article}`,
      ),
      line(
        '答复期限',
        reply,
        `自收到申请之日起 ${PERIODS.reply.days} 个工作日内答复，${PERIODS.reply.article}`,
      ),
      line(
        '延长后最迟答复期限',
        latest,
        `经政府信息公开工作机构负责人同意并告知申请人，延长不超过 ${PERIODS.extensionMax.days} 个工作日，${PERIODS.extensionMax.article}`,
      ),
      '期限自收到申请的次日起按工作日计算；征求第三方或其他机关意见所需时间不计入答复期限（条例第三十三条第三款），告知补正的，答复期限自收到补正后的申请之日起重新计算（条例第三十条）。',
      provisional
        ? `注意：标“暂定”的日期涉及尚未公布放假安排的年份（已收录 ${years[0]}–${years.at(-1)} 年），仅按周末和法定节假日推算，放假安排公布后可能变化。`
        : `工作日依据国务院办公厅公布的放假安排计算（已收录 ${years[0]}–${years.at(-1)} 年）。`,
    ];
    io.out(lines.join('\n') + '\n');
    return 0;
  },
};
