import { seedDemo } from '../../services/demo/seed.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { withApp } from '../with-app.ts';

export const demoSeed: Command = {
  words: ['demo', 'seed'],
  summary:
    '在空数据库中生成演示数据：某市某区卫生健康局及上级、同级机关，各角色账号，约两年的申请、复议诉讼案件、目录和年度报告',
  usage: 'gongkai demo seed [--seed N]',
  async run(args, io) {
    const { values } = parse(args, { seed: { type: 'string' } });
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed 应为整数');
    return withApp(async (app) => {
      const result = await seedDemo(app.ctx, seed === undefined ? {} : { seed });
      io.out(
        `已生成演示数据：${result.applications} 件申请、${result.appeals} 件复议诉讼案件，共 ${result.steps} 步办理（${(result.milliseconds / 1000).toFixed(1)} 秒）。\n` +
          `演示账号：${result.login.username}，密码：${result.login.password}（其他角色账号如 wjj-handler、qzf-supervisor 使用同一密码）\n`,
      );
      return 0;
    });
  },
};
