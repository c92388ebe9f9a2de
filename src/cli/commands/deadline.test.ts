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
