import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import type { Command } from '../command.ts';
import { withApp } from '../with-app.ts';

export const auditVerify: Command = {
  words: ['audit', 'verify'],
  summary: '校验审计日志哈希链：发现被修改、删除或重排的事件时退出码为 1',
  usage: 'gongkai audit verify',
  async run(_args, io) {
    return withApp(async (app) => {
      const { checked, broken } = await verifyEventChain(app.database.db);
      if (broken) {
        io.err(`审计日志校验失败：事件 #${broken.id}：${broken.reason}（已校验 ${checked} 条）\n`);
        return 1;
      }
      io.out(`审计日志完整：共 ${checked} 条事件，哈希链无断裂。\n`);
      return 0;
    });
  },
};
