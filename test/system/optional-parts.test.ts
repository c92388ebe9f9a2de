import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildServer } from './support/child-server.ts';
import { startChildServer, stopChildServer } from './support/child-server.ts';
import type { SystemEnv } from './support/environment.ts';
import { createSystemEnv } from './support/environment.ts';
import { reportToJson } from '../../src/domain/report/interchange.ts';
import { emptyReport } from '../../src/domain/report/model.ts';

const blankReportJson = (year: number) =>
  reportToJson({ ...emptyReport('2021', 0), agency: '某县卫生健康局', year });

/**
 * `npm start` on a machine without LibreOffice (issue 17): the real server, started with a PATH that holds none
 * of the optional programs, says at boot what is missing, serves everything else, and answers a PDF export with
 * a message naming the Debian package instead of failing obscurely.
 */
describe('the server without the optional parts', () => {
  let sys: SystemEnv;
  let server: ChildServer;
  const emptyPath = mkdtempSync(join(tmpdir(), 'gongkai-nopath-'));

  beforeAll(async () => {
    sys = await createSystemEnv('sqlite', { PATH: emptyPath });
    server = await startChildServer(sys.env);
    await server.ready;
  });
  afterAll(async () => {
    if (server) await stopChildServer(server);
    await sys?.destroy();
    rmSync(emptyPath, { recursive: true, force: true });
  });

  it('prints at boot which optional parts are missing', () => {
    expect(server.output()).toContain('未安装 soffice：导出 PDF（报告、告知书）不可用');
    expect(server.output()).toContain('apt-get install libreoffice-writer-nogui');
    expect(server.output()).toContain('未安装 tesseract');
  });

  it('serves the pages and renders everything but PDF', async () => {
    expect((await fetch(`${server.url}/tools/report`)).status).toBe(200);
    const docx = await fetch(`${server.url}/api/report-tool/render?to=docx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: blankReportJson(2025),
    });
    expect(docx.status).toBe(200);
  });

  it('answers a PDF export with 503 and the package to install, as JSON to the API and as a page to a browser', async () => {
    const api = await fetch(`${server.url}/api/report-tool/render?to=pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: blankReportJson(2025),
    });
    expect(api.status).toBe(503);
    const body = (await api.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('unavailable');
    expect(body.error.message).toContain('libreoffice-writer-nogui');

    const form = await fetch(`${server.url}/tools/report/download`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ to: 'pdf', json: blankReportJson(2025) }).toString(),
    });
    expect(form.status).toBe(503);
    expect(form.headers.get('content-type')).toContain('text/html');
    const page = await form.text();
    expect(page).toContain('libreoffice-writer-nogui');
    expect(page).toContain('已填写的内容仍在表单中');
  });
});
