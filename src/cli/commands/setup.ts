import { readFile } from 'node:fs/promises';
import type { AgencyKind } from '../../persistence/repositories/agency.repository.ts';
import { findAgencyByCode } from '../../persistence/repositories/agency.repository.ts';
import { table3ForAgency } from '../../services/applications/table3.ts';
import { loadSchedule } from '../../services/calendar.service.ts';
import { createAgency, createUser } from '../../services/staff.service.ts';
import { parse } from '../args.ts';
import { principalOf } from '../as-user.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { withApp } from '../with-app.ts';

export const agencyCreate: Command = {
  words: ['agency', 'create'],
  summary:
    '新建行政机关（kind：government 人民政府 / department 工作部门 / vertical 垂直管理 / office 政务公开办）',
  usage: 'gongkai agency create --code CODE --name NAME --kind KIND [--parent PARENT_CODE]',
  async run(args, io) {
    const { values } = parse(args, {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      parent: { type: 'string' },
    });
    if (!values.code || !values.name || !values.kind) throw new UsageError('须提供 --code、--name 和 --kind');
    return withApp(async (app) => {
      const parent = values.parent ? await findAgencyByCode(app.database.db, values.parent) : null;
      if (values.parent && !parent) throw new UsageError(`没有机构代码为“${values.parent}”的上级机关`);
      const agency = await createAgency(app.ctx, 'system', {
        code: values.code!,
        name: values.name!,
        kind: values.kind as AgencyKind,
        parentId: parent?.id ?? null,
      });
      io.out(`已新建：${agency.name}（${agency.code}，#${agency.id}）\n`);
      return 0;
    });
  },
};

export const userCreate: Command = {
  words: ['user', 'create'],
  summary: '新建工作人员账号（roles：registrar,handler,reviewer,head,admin,supervisor）',
  usage: 'gongkai user create --agency CODE --username NAME --name 姓名 --roles a,b --password PASSWORD',
  async run(args, io) {
    const { values } = parse(args, {
      agency: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      roles: { type: 'string' },
      password: { type: 'string' },
    });
    if (!values.agency || !values.username || !values.name || !values.roles || !values.password)
      throw new UsageError('须提供 --agency、--username、--name、--roles 和 --password');
    return withApp(async (app) => {
      const agency = await findAgencyByCode(app.database.db, values.agency!);
      if (!agency) throw new UsageError(`没有机构代码为“${values.agency}”的机关`);
      const user = await createUser(app.ctx, 'system', {
        agencyId: agency.id,
        username: values.username!,
        displayName: values.name!,
        roles: values.roles!.split(','),
        password: values.password!,
      });
      io.out(`已新建账号：${user.username}（${user.displayName}，${user.roles.join('、')}）\n`);
      return 0;
    });
  },
};

export const calendarLoad: Command = {
  words: ['calendar', 'load'],
  summary: '导入某年放假安排（holiday-cn 格式 JSON），重新计算未办结申请的期限',
  usage: 'gongkai calendar load FILE.json --user ADMIN_USERNAME',
  async run(args, io) {
    const { values, positionals } = parse(args, { user: { type: 'string' } }, 1);
    const input = JSON.parse(await readFile(positionals[0]!, 'utf8')) as unknown;
    return withApp(async (app) => {
      const result = await loadSchedule(app.ctx, await principalOf(app, values.user), input);
      io.out(
        `已导入 ${result.year} 年放假安排，重新计算了 ${result.applicationsUpdated} 件申请的期限。${result.warnings.length ? `\n提示：${result.warnings.join('；')}` : ''}\n`,
      );
      return 0;
    });
  },
};

export const table3Command: Command = {
  words: ['table3'],
  summary: '由申请登记簿生成某年度年度报告表三（JSON）',
  usage: 'gongkai table3 --user USERNAME --year Y',
  async run(args, io) {
    const { values } = parse(args, { user: { type: 'string' }, year: { type: 'string' } });
    if (!values.year) throw new UsageError('缺少 --year');
    return withApp(async (app) => {
      const principal = await principalOf(app, values.user);
      io.out(
        JSON.stringify(
          await table3ForAgency(app.ctx, principal, principal.agencyId, Number(values.year)),
          null,
          2,
        ) + '\n',
      );
      return 0;
    });
  },
};
