import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChainAnchor } from '../../persistence/repositories/event.repository.ts';
import { verifyEventChain } from '../../persistence/repositories/event.repository.ts';
import type { Manifest } from '../../services/maintenance/backup.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';
import { UsageError } from '../command.ts';
import { withApp } from '../with-app.ts';

/** The audit head a backup recorded (a backup folder or its manifest.json). */
function anchorOf(path: string): ChainAnchor | null {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'manifest.json') : path;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    throw new UsageError(`无法读取备份清单 ${file}`);
  }
  return manifest.auditHead ?? null;
}

export const auditVerify: Command = {
  words: ['audit', 'verify'],
  summary:
    '校验审计日志哈希链：发现被修改、删除或重排的事件时退出码为 1；--anchor 再核对备份清单中记录的链头，发现整体改写',
  usage: 'gongkai audit verify [--anchor BACKUP_DIR …]',
  async run(args, io) {
    const { values } = parse(args, { anchor: { type: 'string', multiple: true } });
    const anchors = (values.anchor ?? []).map(anchorOf).filter((a): a is ChainAnchor => a !== null);
    return withApp(async (app) => {
      const { checked, broken } = await verifyEventChain(app.database.db, app.ctx.auditKey, anchors);
      if (broken) {
        io.err(`审计日志校验失败：事件 #${broken.id}：${broken.reason}（已校验 ${checked} 条）\n`);
        return 1;
      }
      const anchored = anchors.length > 0 ? `，与 ${anchors.length} 个备份锚点一致` : '';
      io.out(`审计日志完整：共 ${checked} 条事件，哈希链无断裂${anchored}。\n`);
      return 0;
    });
  },
};
