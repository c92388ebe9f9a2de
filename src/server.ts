import { createApp } from './app.ts';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';
import { startDraining } from './http/routes/health.routes.ts';
import { buildServer } from './http/server.ts';
import { describeMissing, missingOptionalParts } from './optional-parts.ts';
import { demoAtStartup } from './services/demo/seed.ts';
import { startScheduler } from './services/jobs/index.ts';
import { scheduleMailAndReminders } from './services/jobs/mail-reminders.ts';
import { smtpMailer } from './services/mail/mailer.ts';

/**
 * `npm start`: configuration → composition root → HTTP server, the change feed and the job scheduler. Several
 * processes may serve one PostgreSQL database: the first to start on an empty one migrates and seeds while the
 * others wait (createApp's start-up lock). SIGTERM drains: the health check answers 503, the listener closes,
 * requests in flight finish (at most SHUTDOWN_SECONDS), then the jobs and the database are closed.
 */
try {
  const config = loadConfig();
  let demoLogin: { username: string; password: string } | null = null;
  const app = await createApp(config, {
    changeFeed: true,
    ...(config.demo ? { startup: async (ctx) => void (demoLogin = await demoAtStartup(ctx, console)) } : {}),
  });
  app.demoLogin = demoLogin;
  if (app.demoLogin && !isLoopbackHost(config.host))
    console.log(
      `注意：演示模式已开启（GONGKAI_DEMO=1），且监听 ${config.host}，其他计算机可以访问演示数据；正式使用请设置 GONGKAI_DEMO=0。`,
    );
  const server = await buildServer(app);
  // the scheduled jobs (services/jobs): each run by one of the processes on this database (a lease in it);
  // the daily reminders and the outbox among them, with what they need from the configuration
  const mail = config.jobs
    ? scheduleMailAndReminders({
        mailer: config.smtp ? smtpMailer(config.smtp) : null,
        reminderHour: config.reminderHour,
        consoleUrl: `${config.publicUrl}/console`,
        log: (line) => console.log(line),
      })
    : null;
  if (config.jobs && !config.smtp) console.log('未设置 SMTP_HOST：提醒邮件留在发件箱中，不会发出。');
  const scheduler = config.jobs
    ? startScheduler(app.ctx, {
        tickMs: config.jobTickSeconds * 1000,
        log: (message, error) => server.log.error({ err: error }, message),
      })
    : null;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, '正在停止：完成处理中的请求');
    startDraining();
    const deadline = setTimeout(() => {
      server.log.error('停止超时，强制退出');
      process.exit(1);
    }, config.shutdownSeconds * 1000);
    deadline.unref();
    await server.close();
    await scheduler?.stop();
    mail?.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  // what this machine lacks is said before the server announces itself (which callers wait for)
  for (const line of describeMissing(missingOptionalParts())) console.log(line);
  await server.listen({ port: config.port, host: config.host });
  console.log(
    `Gongkai 已启动：http://localhost:${config.port}/  （数据库：${config.databaseUrl ? 'PostgreSQL' : config.sqlitePath}）`,
  );
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
