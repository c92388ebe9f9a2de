import { loadConfig } from '../../config.ts';
import { backup, restore } from '../../services/maintenance/backup.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { withApp } from '../with-app.ts';

export const backupCommand: Command = {
  words: ['backup'],
  summary: '在线备份数据库（SQLite 在线备份；PostgreSQL 用 pg_dump）和附件到一个空目录，附校验清单',
  usage: 'gongkai backup OUT_DIR',
  async run(args, io) {
    const { positionals } = parse(args, {}, 1);
    return withApp(async (app) => {
      const manifest = await backup(app.database, app.config.dataDir, positionals[0]!, new Date(), {
        secretKey: app.config.secretKey,
      });
      io.out(
        `备份完成：${positionals[0]}（${Object.keys(manifest.files).length} 个文件）\n` +
          '注意：个人信息的加密密钥（DATA_DIR/secret.key 或 GONGKAI_SECRET_KEY）不在备份中，请另行妥善保存。\n',
      );
      return 0;
    });
  },
};

export const restoreCommand: Command = {
  words: ['restore'],
  summary: '从备份目录恢复数据库和附件（先校验清单；请先停止服务）',
  usage: 'gongkai restore BACKUP_DIR',
  async run(args, io) {
    const { positionals } = parse(args, {}, 1);
    const config = loadConfig();
    const target = config.databaseUrl
      ? ({ dialect: 'postgres', url: config.databaseUrl, schema: config.databaseSchema } as const)
      : ({ dialect: 'sqlite', sqlitePath: config.sqlitePath } as const);
    const manifest = await restore(target, config.dataDir, positionals[0]!, { secretKey: config.secretKey });
    io.out(`恢复完成：${Object.keys(manifest.files).length} 个文件，备份时间 ${manifest.createdAt}\n`);
    return 0;
  },
};
