import { describe, expect, it } from 'vitest';
import { UsageError } from '../command.ts';
import { deadline } from './deadline.ts';

async function run(...args: string[]) {
  let out = '';
  const code = await deadline.run(args, { out: (t) => (out += t), err: () => {} });
  return { code, out };
}

describe('gongkai deadline', () => {
  it('prints the receipt date, the 补正 notice, reply and latest extended due dates (National Day 2026)', async () => {
    const { code, out } = await run('--received', '2026-09-24', '--channel', '当面');
    expect(code).toBe(0);
    expect(out).toContain(
      '收到申请之日：2026-09-24（当面提交的，以提交之日为收到申请之日，条例第三十一条第（一）项）',
    );
    expect(out).toContain('补正告知期限：2026-10-12（申请内容不明确的');
    expect(out).toContain('答复期限：2026-10-29（自收到申请之日起 20 个工作日内答复，条例第三十三条第二款）');
    expect(out).toContain('延长后最迟答复期限：2026-11-26（经政府信息公开工作机构负责人同意');
    expect(out).not.toContain('暂定');
  });

  it('marks dates in a year without a schedule as provisional', async () => {
    const { out } = await run('--received', '2026-12-10', '--channel', '网络');
    expect(out).toContain('以双方确认之日为收到申请之日');
    expect(out).toContain('补正告知期限：2026-12-21（申请内容不明确的');
    expect(out).toContain('答复期限：2027-01-08（暂定；');
    expect(out).toContain('延长后最迟答复期限：2027-02-09（暂定；');
    expect(out).toContain('注意：标“暂定”的日期涉及尚未公布放假安排的年份（已收录 2018–2026 年）');
  });

  it('prints JSON', async () => {
    const { out } = await run('--received', '2026-09-24', '--channel', '邮寄', '--mail', '平信', '--json');
    expect(JSON.parse(out)).toMatchObject({
      receivedOn: '2026-09-24',
      channel: 'mail',
      article: '条例第三十一条第（二）项',
      replyDue: { date: '2026-10-29', provisional: false },
      provisional: false,
    });
  });

  it.each([
    [[], '缺少 --received'],
    [['--received', '2026-02-30'], '--received 应为有效日期'],
    [['--received', '2026-09-24', '--channel', '电话'], '--channel 应为 当面、邮寄、网络、传真、其他 之一'],
    [['--received', '2026-09-24', '--mail', '平信'], '--mail 只用于邮寄'],
  ])('refuses %j with a usage error', async (args, message) => {
    await expect(run(...args)).rejects.toThrow(UsageError);
    await expect(run(...args)).rejects.toThrow(message);
  });
});

describe('gongkai deadline: the what-if clock on the facts of a case (issue 11, point 12)', () => {
  it('counts the 补正 period from service and restarts the reply period from the corrected application', async () => {
    const { code, out } = await run(
      '--received',
      '2026-03-02',
      '--correction-served',
      '2026-03-04',
      '--correction-received',
      '2026-03-16',
    );
    expect(code).toBe(0);
    expect(out).toContain('补正期限：2026-03-25（自补正告知书送达之次日起计算，条例第三十条）');
    expect(out).toContain('答复期限：2026-04-14（自收到补正后的申请之日起 20 个工作日');
  });

  it('caps an unanswered consultation at the party’s 15 WD (03-04 to 06-30: 04-21, not 07-24)', async () => {
    const { out } = await run(
      '--received',
      '2026-03-02',
      '--consultation-sent',
      '2026-03-04',
      '--consultation-answered',
      '2026-06-30',
    );
    expect(out).toContain('答复期限：2026-04-21（');
  });

  it('prints the fee payment date, 20 WD from the day after the notice was served', async () => {
    const { out } = await run('--received', '2026-03-02', '--fee-served', '2026-03-10', '--json');
    expect(JSON.parse(out)).toMatchObject({
      feePaymentDue: { date: '2026-04-08' },
      replyDue: { date: '2026-03-30' },
    });
  });

  it('refuses a 补正 served past 7 WD citing 第三十条 (exit code 1) and shows the clock not restarted', async () => {
    const { code, out } = await run(
      '--received',
      '2026-03-02',
      '--correction-served',
      '2026-03-20',
      '--correction-received',
      '2026-04-02',
    );
    expect(code).toBe(1);
    expect(out).toContain('拒绝：补正告知（2026-03-20）晚于补正告知期限 2026-03-11：条例第三十条规定');
    expect(out).toContain('答复期限：2026-03-30（补正告知逾期，答复期限不重新计算');
  });

  it('adds an extension of N WD', async () => {
    const { out } = await run('--received', '2026-09-24', '--extension', '10', '--json');
    expect(JSON.parse(out).replyDue.date).toBe('2026-11-12');
  });
});
