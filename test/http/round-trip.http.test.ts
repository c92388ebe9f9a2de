import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../support/context.ts';
import { DIALECTS } from '../support/databases.ts';
import { agencyWithStaff } from '../support/fixtures.ts';
import type { Session } from '../support/http.ts';
import { loginAs } from '../support/http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestServer } from '../support/server.ts';

/**
 * Issue 11, points 8–11 over HTTP: the applicant's round trip through the portal's forms (server-rendered,
 * no script needed) and the staff API — nothing typed is lost, the letters are served by opening them at /status,
 * the 补正 is submitted online, the reply hands over its files, and the remedies run from the reply's service.
 */
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe.each(DIALECTS)('the applicant’s round trip on %s', (dialect) => {
  let t: TestServer;
  const clock = new TestClock(new Date('2026-03-02T02:00:00Z'));
  let cookie = '';
  let token = '';
  let registrar: Session;
  let handler: Session;
  let reviewer: Session;
  let head: Session;

  const post = (url: string, fields: Record<string, string>) =>
    t.server.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: new URLSearchParams({ _form: token, ...fields }).toString(),
    });
  const applicant = {
    'applicant.type': 'natural',
    'applicant.name': '王五',
    'applicant.idKind': '居民身份证',
    'applicant.idNumber': '11010519491231002X',
    'applicant.phone': '13812345678',
    form: 'electronic',
    delivery: 'email',
  };
  const count = async () =>
    Number(
      (
        await t.app.database.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestServer(dialect, { now: clock.now });
    await agencyWithStaff(t.app.ctx, 'RT1');
    const form = await t.server.inject({ method: 'GET', url: '/apply' });
    cookie = String(form.headers['set-cookie']).split(';')[0]!;
    token = /name="_form" value="([^"]+)"/.exec(form.body)![1]!;
    await logIn();
  });
  /** Sessions expire when idle: a new day, a new login. */
  async function logIn() {
    registrar = await loginAs(t.server, 'rt1-registrar');
    handler = await loginAs(t.server, 'rt1-handler');
    reviewer = await loginAs(t.server, 'rt1-reviewer');
    head = await loginAs(t.server, 'rt1-head');
  }
  const day = async (date: string) => {
    clock.set(`${date}T02:00:00Z`);
    await logIn();
  };
  afterAll(() => t.close());

  it('11. refuses a 60,000-character request with a message naming the field, keeping every character', async () => {
    const long = '申'.repeat(59_993) + '2025年名单';
    const before = await count();
    const page = await post('/apply', { ...applicant, 'items.0.description': long });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('第 1 项申请公开的信息不能超过 10000 字（现有 60000 字，请删减 50000 字）');
    const kept = /<textarea[^>]*id="f-items-0-description"[^>]*>\n?([^<]*)<\/textarea>/.exec(page.body)![1]!;
    expect(unescape(kept)).toBe(long);
    expect(page.body).toContain('已输入 60000 字，最多 10000 字，超出 50000 字');
    expect(await count()).toBe(before); // today's code answered 申请已提交 and stored 2,000 characters
  });

  it('11. a 10 MB post comes back as the form with what was typed, not as raw JSON', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const page = await post('/apply', { ...applicant, 'items.0.description': huge });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`现有 ${huge.length} 字`);
    expect(page.body).toContain(huge);
    expect(page.body).toContain('value="王五"');
  });

  it('11. refuses 邮寄 without an address, and shows every limit beside its field', async () => {
    const page = await post('/apply', {
      ...applicant,
      delivery: 'post',
      'items.0.description': '2025年名单',
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('选择以邮寄方式获取信息的，请填写通信地址');
    for (const limit of ['最多 100 字', '最多 40 字', '最多 200 字', '最多 10000 字'])
      expect(page.body).toContain(limit);
    expect(page.body).not.toContain('maxlength="2000"');
  });

  it('9–10. letters served on opening at /status, 补正 online, the reply’s files, remedies from its service', async () => {
    const description = '某区2025年医疗机构校验结果'.repeat(600); // 9,000 characters, stored whole
    const applied = await post('/apply', { ...applicant, 'items.0.description': description });
    expect(applied.statusCode).toBe(200);
    const trackingCode = /id="tracking-code">([^<]+)</.exec(applied.body)![1]!;
    const secret = /id="tracking-secret">([^<]+)</.exec(applied.body)![1]!;
    const found = (await registrar.request('GET', `/api/applications?q=${trackingCode}`)).json() as {
      rows: { id: number }[];
    };
    const id = found.rows[0]!.id;
    const view = async () =>
      (await handler.request('GET', `/api/applications/${id}`)).json() as {
        application: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
      };
    expect((await view()).application.items[0].description).toHaveLength(9000);

    await day('2026-03-04');
    const asked = await handler.request('POST', `/api/applications/${id}/actions`, {
      action: { type: 'request_correction', points: ['请写明所需信息的年份'], periodDays: 10 },
    });
    expect(asked.statusCode).toBe(200);
    const me = { trackingCode, secret };
    let status = await post('/status', me);
    expect(status.body).toContain('待送达');
    expect(status.body).toContain('请写明所需信息的年份');
    const letterId = Number(/action="\/status\/letters\/(\d+)"/.exec(status.body)![1]);

    await day('2026-03-05');
    const pdf = await post(`/status/letters/${letterId}`, me);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    const served = (await view()).application;
    expect(served.letters[0].service).toMatchObject({
      method: 'online',
      servedOn: '2026-03-05',
      recordedBy: 'system:portal',
    });
    expect(served.deadlines.correctionResponse.date).toBe('2026-03-19');
    expect((await post(`/status/letters/${letterId}`, { ...me, secret: 'WRONG' })).statusCode).toBe(404);

    await day('2026-03-09');
    status = await post('/status/correction', {
      ...me,
      'items.0.description': '某区2025年度医疗机构校验结果（全年）',
      address: '某市某区幸福路9号',
    });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('补正已提交');
    const corrected = (await view()).application;
    expect(corrected.state).toBe('in_progress');
    expect(corrected.correction).toMatchObject({ receivedOn: '2026-03-09' });
    expect(corrected.items[0].description).toBe('某区2025年度医疗机构校验结果（全年）');
    expect(corrected.deadlines.reply.date).toBe('2026-04-07');
    const revealed = (await handler.request('POST', `/api/applications/${id}/reveal`)).json() as {
      applicant: { address: string };
    };
    expect(revealed.applicant.address).toBe('某市某区幸福路9号');

    const boundary = '----gongkai-test';
    const upload = await t.server.inject({
      method: 'POST',
      url: `/api/applications/${id}/attachments?redacted=true`,
      headers: {
        cookie: handler.cookie,
        'x-csrf-token': handler.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="校验结果.pdf"\r\n` +
          `Content-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--${boundary}--\r\n`,
      ),
    });
    expect(upload.statusCode).toBe(201);
    const [file] = upload.json() as { id: number; redacted: boolean }[];
    expect(file!.redacted).toBe(true);
    expect((await post(`/status/attachments/${file!.id}`, me)).statusCode).toBe(404); // not before the reply

    for (const [who, action] of [
      [
        handler,
        {
          type: 'submit_decision',
          decision: {
            outcome: 'partially_granted',
            replyType: 'separated',
            exemption: '个人隐私（条例第十五条）',
            reasons: '第二页含个人信息',
            responsibleAgency: null,
          },
        },
      ],
      [reviewer, { type: 'review_decision' }],
      [head, { type: 'approve_decision' }],
      [registrar, { type: 'send_reply' }],
    ] as const) {
      const r = await who.request('POST', `/api/applications/${id}/actions`, { action });
      expect(r.statusCode, r.body).toBe(200);
    }
    const timeline = (await handler.request('GET', `/api/applications/${id}/timeline`)).json() as {
      letters: { id: number; kind: string; service: unknown }[];
    };
    const reply = timeline.letters.find((l) => l.kind === 'reply')!;
    expect(reply.service).toBeNull();
    const html = await handler.request('GET', `/api/applications/${id}/letters/${reply.id}`);
    expect(html.body).toContain('校验结果.pdf（已作区分处理）');

    const download = await post(`/status/attachments/${file!.id}`, me);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''" + encodeURIComponent('校验结果.pdf'),
    );
    expect(download.body).toBe('%PDF-1.4 test');

    const serve = await registrar.request('POST', `/api/applications/${id}/letters/${reply.id}/service`, {
      service: {
        method: 'post',
        servedOn: '2026-03-09',
        proof: '邮件查询页面显示已签收',
        trackingNumber: 'XA123456789CN',
      },
    });
    expect(serve.statusCode, serve.body).toBe(200);
    const replied = (await view()).application;
    expect(replied.deadlines.reconsideration.date).toBe('2026-05-08');
    expect(replied.deadlines.litigation).toBeNull(); // 部分公开: reconsideration first
    status = await post('/status', me);
    expect(status.body).toContain('<dd id="status-reconsideration">2026-05-08</dd>');
    const noProof = await registrar.request('POST', `/api/applications/${id}/letters/${letterId}/service`, {
      service: { method: 'post', servedOn: '2026-03-09' },
    });
    expect(noProof.statusCode).toBe(409); // served already (on opening)
  });
});
