import { createApp } from './app.ts';
import { ConfigError, isLoopbackHost, loadConfig } from './config.ts';
import { buildServer } from './http/server.ts';
import { describeMissing, missingOptionalParts } from './optional-parts.ts';
import { demoAtStartup } from './services/demo/seed.ts';
import { startScheduler } from './services/jobs/scheduler.ts';
import { smtpMailer } from './services/mail/mailer.ts';

/** `npm start`: configuration → composition root → HTTP server. */
try {
  const config = loadConfig();
  const app = await createApp(config);
  if (config.demo) app.demoLogin = await demoAtStartup(app.ctx, console);
  if (app.demoLogin && !isLoopbackHost(config.host))
    console.log(
      `注意：演示模式已开启（GONGKAI_DEMO=1），且监听 ${config.host}，其他计算机可以访问演示数据；正式使用请设置 GONGKAI_DEMO=0。`,
    );
  const server = await buildServer(app);
  // daily reminders and the outbox (issue 12 point 4): claimed in the database, so safe in every process
  const scheduler = config.jobs
    ? startScheduler(app.ctx, {
        mailer: config.smtp ? smtpMailer(config.smtp) : null,
        reminderHour: config.reminderHour,
        consoleUrl: `${config.publicUrl}/console`,
        log: (line) => console.log(line),
      })
    : null;
  if (config.jobs && !config.smtp) console.log('未设置 SMTP_HOST：提醒邮件留在发件箱中，不会发出。');
  const close = async () => {
    scheduler?.stop();
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
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
