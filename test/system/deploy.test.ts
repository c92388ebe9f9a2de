import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ROOT } from './support/child-server.ts';

/**
 * What deploy/ ships is what deploy/README.md installs on Debian 12: the nginx site passes `nginx -t` on this
 * machine's nginx (Debian 12's 1.22), as installed — whole, with a certificate at the paths it names (here a
 * self-signed one in a temporary folder); the settings file, read the way systemd reads an EnvironmentFile,
 * is a configuration the server accepts once its placeholders are filled in, and says what the unit needs.
 */
const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/** KEY=VALUE lines as systemd's EnvironmentFile reads them (comments and blank lines skipped). */
function environmentFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const eq = t.indexOf('=');
    expect(eq, `not KEY=VALUE: ${t}`).toBeGreaterThan(0);
    env[t.slice(0, eq).trim()] = t.slice(eq + 1).trim();
  }
  return env;
}

describe('the deployment files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-deploy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ships an nginx site that this nginx accepts as installed', () => {
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=gongkai.example.gov.cn',
      '-keyout',
      join(dir, 'privkey.pem'),
      '-out',
      join(dir, 'fullchain.pem'),
    ]);
    const site = readFileSync(join(ROOT, 'deploy/nginx/gongkai.conf'), 'utf8');
    expect(site).toContain('/etc/ssl/gongkai/fullchain.pem');
    writeFileSync(join(dir, 'gongkai.conf'), site.replaceAll('/etc/ssl/gongkai/', `${dir}/`));
    mkdirSync(join(dir, 'logs'));
    // what Debian's /etc/nginx/nginx.conf gives a site: the http block it is included in
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid; error_log ${dir}/logs/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/b; proxy_temp_path ${dir}/p; fastcgi_temp_path ${dir}/f;
  uwsgi_temp_path ${dir}/u; scgi_temp_path ${dir}/s;
  include ${dir}/gongkai.conf;
}
`,
    );
    const test = spawnSync(NGINX, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' });
    expect(test.stderr).toContain('test is successful');
    expect(test.status).toBe(0);
  });

  it('ships settings the server accepts once the placeholders are filled in, as the unit reads them', () => {
    const text = readFileSync(join(ROOT, 'deploy/gongkai.env.example'), 'utf8');
    const env = environmentFile(text);
    expect(Object.keys(env)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'GONGKAI_SECRET_KEY', 'DATA_DIR', 'GONGKAI_TLS', 'PUBLIC_URL']),
    );
    // as shipped, the placeholder key is refused, naming the setting
    expect(() => loadConfig({ ...env, PORT: '3001' })).toThrow(/GONGKAI_SECRET_KEY/);
    const config = loadConfig({
      ...env,
      GONGKAI_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      // what the unit adds (Environment=PORT=%i, HOST=127.0.0.1)
      PORT: '3001',
      HOST: '127.0.0.1',
    });
    expect(config).toMatchObject({ tls: true, demo: false, jobs: true, port: 3001 });
    expect(config.databaseUrl).toMatch(/^postgres:\/\//);
    const unit = readFileSync(join(ROOT, 'deploy/systemd/gongkai@.service'), 'utf8');
    expect(unit).toContain('EnvironmentFile=/etc/gongkai/gongkai.env');
    // systemd waits longer than the server drains before it kills
    const stop = Number(/^TimeoutStopSec=(\d+)/m.exec(unit)![1]);
    expect(stop).toBeGreaterThan(config.shutdownSeconds);
    expect(unit).toMatch(new RegExp(`^ReadWritePaths=${config.dataDir}$`, 'm'));
  });
});
