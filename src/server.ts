import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { buildServer } from './http/server.ts';
import { describeMissing, missingOptionalParts } from './optional-parts.ts';
import { demoAtStartup } from './services/demo/seed.ts';

/** `npm start`: configuration → composition root → HTTP server. */
try {
  const config = loadConfig();
  const app = await createApp(config);
  if (config.demo) app.demoLogin = await demoAtStartup(app.ctx, console);
  const server = await buildServer(app);
  const close = async () => {
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
