import { readFile } from 'node:fs/promises';
import type { Action, DueStatus } from '../../domain/application/index.ts';
import { ACTION_LABEL, DUE_STATUSES } from '../../domain/application/index.ts';
import { act } from '../../services/applications/actions.ts';
import type { NewApplicationInput } from '../../services/applications/intake.ts';
import { registerByStaff } from '../../services/applications/intake.ts';
import { applicationTimeline, getApplication, inbox } from '../../services/applications/queries.ts';
import { parse } from '../args.ts';
import { principalOf } from '../as-user.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { withApp } from '../with-app.ts';

async function readJson(pathOrJson: string): Promise<unknown> {
  const text = pathOrJson.trim().startsWith('{')
    ? pathOrJson
    : await readFile(pathOrJson, 'utf8').catch(() => {
        throw new UsageError(`无法读取文件 ${pathOrJson}`);
      });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`不是有效的 JSON：${pathOrJson.slice(0, 60)}`);
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export const applicationRegister: Command = {
  words: ['application', 'register'],
  summary:
    '登记一件政府信息公开申请（JSON：applicant、receipt、items、form、delivery），打印查询码和查询密码',
  usage: 'gongkai application register FILE.json --user USERNAME',
  async run(args, io) {
    const { values, positionals } = parse(args, { user: { type: 'string' } }, 1);
    const input = (await readJson(positionals[0]!)) as NewApplicationInput;
    return withApp(async (app) => {
      const { application, secret } = await registerByStaff(
        app.ctx,
        await principalOf(app, values.user),
        input,
      );
      const d = application.application.deadlines;
      io.out(
        `已登记：#${application.id}  查询码 ${application.trackingCode}  查询密码 ${secret}\n收到申请之日 ${application.application.receivedOn}，答复期限 ${d.reply?.date ?? '—'}${d.reply?.provisional ? '（暂定）' : ''}\n`,
      );
      return 0;
    });
  },
};

export const applicationAct: Command = {
  words: ['application', 'act'],
  summary: `办理操作（${Object.values(ACTION_LABEL).slice(0, 4).join('、')}…），ACTION 为 JSON，如 '{"type":"accept"}'`,
  usage: 'gongkai application act ID ACTION_JSON|FILE.json --user USERNAME',
  async run(args, io) {
    const { values, positionals } = parse(args, { user: { type: 'string' } }, 2);
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id < 1) throw new UsageError('ID 应为申请编号（正整数）');
    const action = (await readJson(positionals[1]!)) as Action;
    return withApp(async (app) => {
      const view = await act(app.ctx, await principalOf(app, values.user), id, action);
      io.out(
        `#${id} ${ACTION_LABEL[action.type] ?? action.type}：现为“${view.stateLabel}”，答复期限 ${view.application.deadlines.reply?.date ?? '—'}\n`,
      );
      return 0;
    });
  },
};

export const applicationShow: Command = {
  words: ['application', 'show'],
  summary: '查看一件申请及其办理过程（JSON）',
  usage: 'gongkai application show ID --user USERNAME',
  async run(args, io) {
    const { values, positionals } = parse(args, { user: { type: 'string' } }, 1);
    return withApp(async (app) => {
      const principal = await principalOf(app, values.user);
      const id = Number(positionals[0]);
      io.out(
        json({
          ...(await getApplication(app.ctx, principal, id)),
          timeline: await applicationTimeline(app.ctx, principal, id),
        }),
      );
      return 0;
    });
  },
};

export const applicationList: Command = {
  words: ['application', 'list'],
  summary: '申请登记簿：按到期状态、年度、关键词筛选',
  usage:
    'gongkai application list --user USERNAME [--due on_track|due_soon|overdue] [--year Y] [--open] [--q TEXT]',
  async run(args, io) {
    const { values } = parse(args, {
      user: { type: 'string' },
      due: { type: 'string' },
      year: { type: 'string' },
      open: { type: 'boolean' },
      q: { type: 'string' },
    });
    if (values.due && !(DUE_STATUSES as readonly string[]).includes(values.due))
      throw new UsageError(`--due 应为 ${DUE_STATUSES.join('、')}`);
    return withApp(async (app) => {
      const result = await inbox(app.ctx, await principalOf(app, values.user), {
        ...(values.due ? { due: values.due as DueStatus } : {}),
        ...(values.year ? { year: Number(values.year) } : {}),
        ...(values.open ? { open: true } : {}),
        ...(values.q ? { q: values.q } : {}),
        pageSize: 200,
      });
      for (const r of result.rows)
        io.out(
          `#${r.id}\t${r.trackingCode}\t${r.stateLabel}\t收到 ${r.receivedOn}\t答复期限 ${r.replyDue ?? '—'}${r.dueStatus === 'overdue' ? '（已逾期）' : r.dueStatus === 'due_soon' ? '（即将到期）' : ''}\t${r.applicantName}\t${r.summary.slice(0, 30)}\n`,
        );
      io.out(`共 ${result.total} 件\n`);
      return 0;
    });
  },
};
