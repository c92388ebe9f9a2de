import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff, counterApplication, naturalApplicant } from '../support/fixtures.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

describe.each(DIALECTS)('依申请公开 over HTTP on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-09-24T02:00:00Z'));
  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    await agencyWithStaff(t.app.ctx, 'X1');
    await agencyWithStaff(t.app.ctx, 'Y1');
  });
  afterAll(() => t.close());

  it('registers, lists, acts and refuses with Chinese messages naming the field', async () => {
    const registrar = await loginAs(t.server, 'x1-registrar');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    expect(created.statusCode).toBe(201);
    const { application } = created.json() as {
      application: { id: number; application: { deadlines: { reply: { date: string } } } };
    };
    expect(application.application.deadlines.reply.date).toBe('2026-10-29');

    const bad = await registrar.request('POST', '/api/applications', {
      ...counterApplication('2026-09-24'),
      applicant: naturalApplicant({ idNumber: '123' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation', field: 'applicant.idNumber' } });
    expect((bad.json() as { error: { message: string } }).error.message).toContain('身份证');

    const wrongType = await registrar.request('POST', '/api/applications', {
      ...counterApplication('2026-09-24'),
      form: 'carrier pigeon',
    });
    expect(wrongType.statusCode).toBe(400);
    expect((wrongType.json() as { error: { message: string; field: string } }).error.field).toBe('form');

    const list = await registrar.request('GET', '/api/applications?open=true');
    expect((list.json() as { total: number }).total).toBe(1);

    const handler = await loginAs(t.server, 'x1-handler');
    const accepted = await handler.request('POST', `/api/applications/${application.id}/actions`, {
      action: { type: 'accept' },
    });
    expect(accepted.statusCode).toBe(200);
    const again = await handler.request('POST', `/api/applications/${application.id}/actions`, {
      action: { type: 'accept' },
    });
    expect(again.statusCode).toBe(409);
    expect((again.json() as { error: { message: string } }).error.message).toMatch(/办理中/);

    const outsider = await loginAs(t.server, 'y1-handler');
    expect((await outsider.request('GET', `/api/applications/${application.id}`)).statusCode).toBe(404);
  });

  it('previews and sends the reply letter, refusing while a required fill-in is blank', async () => {
    const registrar = await loginAs(t.server, 'x1-registrar');
    const handler = await loginAs(t.server, 'x1-handler');
    const reviewer = await loginAs(t.server, 'x1-reviewer');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    const id = (created.json() as { application: { id: number } }).application.id;
    const decision = {
      outcome: 'granted',
      replyType: 'already_public',
      exemption: null,
      reasons: '该信息已主动公开',
      responsibleAgency: null,
    };
    expect(
      (
        await handler.request('POST', `/api/applications/${id}/actions`, {
          action: { type: 'submit_decision', decision },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await reviewer.request('POST', `/api/applications/${id}/actions`, {
          action: { type: 'approve_decision' },
        })
      ).statusCode,
    ).toBe(200);
    const preview = await registrar.request('POST', `/api/applications/${id}/letters/preview`, {
      kind: 'reply',
    });
    expect(preview.statusCode).toBe(200);
    const missing = (preview.json() as { missing: string[] }).missing;
    expect(missing).toContain('published_at');
    const refused = await registrar.request('POST', `/api/applications/${id}/actions`, {
      action: { type: 'send_reply' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { field: 'letter.fills.published_at' } });
    expect(
      (
        (await registrar.request('GET', `/api/applications/${id}`)).json() as {
          application: { state: string };
        }
      ).application.state,
    ).toBe('approved');
    const sent = await registrar.request('POST', `/api/applications/${id}/actions`, {
      action: { type: 'send_reply' },
      letter: { fills: { published_at: '本局门户网站“政府信息公开”栏目' } },
    });
    expect(sent.statusCode).toBe(200);
    const timeline = (await registrar.request('GET', `/api/applications/${id}/timeline`)).json() as {
      letters: { id: number; number: string }[];
    };
    const letter = timeline.letters.at(-1)!;
    expect(letter.number).toMatch(/〔2026〕\d+号$/);
    const html = await registrar.request('GET', `/api/applications/${id}/letters/${letter.id}?format=html`);
    expect(html.body).toContain('本局门户网站“政府信息公开”栏目');
    expect(html.body).toContain('条例');
    expect(html.body).toContain('行政复议');
    const docx = await registrar.request('GET', `/api/applications/${id}/letters/${letter.id}?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const outsider = await loginAs(t.server, 'y1-registrar');
    expect((await outsider.request('GET', `/api/applications/${id}/letters/${letter.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses state changes without the CSRF token and requests without a session', async () => {
    const registrar = await loginAs(t.server, 'x1-registrar');
    const noCsrf = await t.server.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie: registrar.cookie },
      payload: counterApplication('2026-09-24'),
    });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await t.server.inject({ method: 'GET', url: '/api/applications' });
    expect(anonymous.statusCode).toBe(401);
    expect((anonymous.json() as { error: { message: string } }).error.message).toBe('请先登录');
  });

  it('takes an online application and shows its progress to the applicant only', async () => {
    const submitted = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: {
        agency: 'X1',
        applicant: naturalApplicant(),
        items: [{ description: '某文件' }],
        form: 'electronic',
        delivery: 'online',
      },
    });
    expect(submitted.statusCode).toBe(201);
    const { trackingCode, secret } = submitted.json() as { trackingCode: string; secret: string };
    const seen = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications/lookup',
      payload: { trackingCode, secret },
    });
    expect(seen.statusCode).toBe(200);
    expect(JSON.stringify(seen.json())).not.toContain('11010519491231002X');
    const wrong = await t.server.inject({
      method: 'POST',
      url: '/api/public/applications/lookup',
      payload: { trackingCode, secret: 'AAAAAAAA' },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it('serves the deadline calculator and the OpenAPI document', async () => {
    const d = await t.server.inject({
      method: 'GET',
      url: '/api/calendar/deadline?received=2026-09-24&channel=in_person',
    });
    expect(d.json()).toMatchObject({
      reply: { date: '2026-10-29', provisional: false },
      correctionNotice: { date: '2026-10-12' },
    });
    const provisional = await t.server.inject({
      method: 'GET',
      url: '/api/calendar/deadline?received=2026-12-20',
    });
    expect(provisional.json()).toMatchObject({ provisional: true });
    const openapi = await t.server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys((openapi.json() as { paths: object }).paths)).toContain('/api/applications');
  });

  it('gives the console the agency name and today in China at login and in /api/console/info', async () => {
    // 01:30 on 25 September in China, still the 24th in UTC: the date is China's, from the services' clock
    clock.set('2026-09-24T17:30:00Z');
    try {
      const anonymous = await t.server.inject({ method: 'GET', url: '/api/console/info' });
      expect(anonymous.json()).toEqual({
        demoMode: false,
        demo: null,
        agencyName: null,
        today: '2026-09-25',
      });
      const login = await t.server.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'y1-handler', password: 'test-password-1' },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json()).toMatchObject({
        user: { name: 'handler-Y1', agencyName: 'Y1卫生健康局', roleLabels: ['承办人'] },
        today: '2026-09-25',
      });
      const handler = await loginAs(t.server, 'y1-handler');
      expect((await handler.request('GET', '/api/console/info')).json()).toEqual({
        demoMode: false,
        demo: null,
        agencyName: 'Y1卫生健康局',
        today: '2026-09-25',
      });
    } finally {
      clock.set('2026-09-24T02:00:00Z');
    }
  });

  it('shows the working days left in the inbox rows', async () => {
    const registrar = await loginAs(t.server, 'y1-registrar');
    const created = await registrar.request('POST', '/api/applications', counterApplication('2026-09-24'));
    expect(created.statusCode).toBe(201);
    const list = (await registrar.request('GET', '/api/applications?open=true')).json() as {
      rows: { replyDue: string; workingDaysLeft: number | null }[];
    };
    expect(list.rows).toEqual([expect.objectContaining({ replyDue: '2026-10-29', workingDaysLeft: 20 })]);
  });

  it('declares the supervision API token in OpenAPI, on the read routes that take it', async () => {
    const openapi = (await t.server.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
      paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    };
    expect(openapi.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(openapi.paths['/api/supervision/rollup']!.get!.security).toEqual([
      { session: [] },
      { apiToken: [] },
    ]);
    // the token routes themselves take a session only
    expect(JSON.stringify(openapi.paths['/api/supervision/tokens'])).not.toContain('apiToken');
  });
});
