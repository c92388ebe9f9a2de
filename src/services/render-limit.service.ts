import { AppError } from '../domain/errors.ts';
import { countRequest } from '../persistence/repositories/request-count.repository.ts';
import type { ServiceContext } from './context.ts';

/**
 * The anonymous renders of the report checker (/api/report-tool/render, /tools/report/download) cost a
 * worker thread and, for PDF, LibreOffice: each client may ask for `perMinute` of them a minute. The count
 * is kept in the database (request_counts), so it holds across every process that shares it; past it, 429
 * with the seconds until the window ends (重试时间).
 */
const WINDOW_MS = 60_000;

export async function countAnonymousRender(
  ctx: ServiceContext,
  client: string,
  perMinute: number,
): Promise<void> {
  const now = ctx.now().getTime();
  const start = now - (now % WINDOW_MS);
  const count = await countRequest(
    ctx.database.db,
    { bucket: 'report-render', client, windowStart: new Date(start).toISOString() },
    new Date(start - 10 * WINDOW_MS).toISOString(),
  );
  if (count > perMinute) {
    const seconds = Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000));
    throw new AppError(
      'rate_limited',
      `生成文件过于频繁：每个客户端每分钟最多生成 ${perMinute} 份，请 ${seconds} 秒后重试（重试时间：${seconds} 秒后）`,
      undefined,
      { retryAfterSeconds: seconds },
    );
  }
}
