import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterApplication } from '../../../test/support/fixtures.ts';
import { TestClock, testContext } from '../../../test/support/context.ts';
import { createTestDatabase, DIALECTS, TEST_DATABASE_URL } from '../../../test/support/databases.ts';
import type { TestDatabase } from '../../../test/support/databases.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Database } from '../../persistence/database.ts';
import { openDatabase } from '../../persistence/database.ts';
import { eventsOf } from '../../persistence/repositories/event.repository.ts';
import { jobRuns, listMail } from '../../persistence/repositories/mail.repository.ts';
import { act } from '../applications/actions.ts';
import { registerByStaff } from '../applications/intake.ts';
import type { ServiceContext } from '../context.ts';
import { smtpMailer } from '../mail/mailer.ts';
import { deliverOutbox } from '../mail/outbox.service.ts';
import type { Staff } from '../report-workspace/workspace.fixture.ts';
import { GRANTED, supervisedAgencies } from '../report-workspace/workspace.fixture.ts';
import { changeUser, updateSettings } from '../staff.service.ts';
import { cosignsOfApplication, openCosigns, withdrawCosignOf } from '../applications/cosigns.ts';
import { inbox } from '../applications/queries.ts';
import { runDailyReminders } from './daily-reminders.job.ts';
import { myReminders } from './reminders.service.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free port, keeping what it receives. */
async function startSmtp(options: { refuse?: () => boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (options.refuse?.()) return callback(Object.assign(new Error('邮箱已满'), { responseCode: 552 }));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The text of a base64 or quoted-printable body part. */
function bodyText(raw: string): string {
  const [, body = ''] =
    raw.split(/\r?\n\r?\n/, 2).length > 1 ? [raw, raw.slice(raw.search(/\r?\n\r?\n/))] : [raw];
  return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** A second connection to the same database: another process's view of it. */
function secondConnection(dialect: string, database: TestDatabase): Database {
  return dialect === 'sqlite'
    ? openDatabase({ databaseUrl: null, sqlitePath: database.location })
    : openDatabase({
        databaseUrl: TEST_DATABASE_URL,
        sqlitePath: '',
        pgSchema: database.location,
        poolSize: 2,
      });
}

describe.each(DIALECTS)('daily reminders through the outbox and SMTP on %s', (dialect) => {
  let database: TestDatabase;
  let other: Database;
  let ctx: ServiceContext;
  let ctx2: ServiceContext;
  let clock: TestClock;
  let health: Record<Role, Staff>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let refuse = false;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    clock = new TestClock(new Date('2025-03-03T02:00:00Z'));
    ({ ctx } = testContext(database, clock));
    other = secondConnection(dialect, database);
    ctx2 = { ...ctx, database: other };
    ({ staff: health } = (await supervisedAgencies(ctx, 'M')).health);
    // overdue by 10 April (received 3 March: reply due 31 March), assigned to the 承办人 by their first step
    const overdue = (await registerByStaff(ctx, health.registrar, counterApplication('2025-03-03')))
      .application;
    await act(ctx, health.handler, overdue.id, { type: 'submit_decision', decision: GRANTED });
    // due soon (received 14 March), not assigned yet
    clock.set('2025-03-14T02:00:00Z');
    await registerByStaff(ctx, health.registrar, counterApplication('2025-03-14'));
    // on track: received 8 April
    clock.set('2025-04-08T02:00:00Z');
    await registerByStaff(ctx, health.registrar, counterApplication('2025-04-08'));
    await changeUser(ctx, health.admin, health.handler.userId, { email: 'handler@m.example.gov.cn' });
    await changeUser(ctx, health.admin, health.head.userId, { email: 'head@m.example.gov.cn' });
    smtp = await startSmtp({ refuse: () => refuse });
    clock.set('2025-04-10T01:00:00Z'); // 09:00 in China, a Thursday
  });
  afterAll(async () => {
    await smtp?.close();
    await other?.close();
    await database?.destroy();
  });

  it('shows each person their reminders in the console: assigned ones, and unassigned ones to those who assign', async () => {
    const mine = await myReminders(ctx, health.handler);
    expect(mine.reminders.map((r) => [r.kind, r.dueOn, r.unassigned])).toEqual([
      ['overdue', '2025-03-31', false],
    ]);
    const head = await myReminders(ctx, health.head);
    expect(head.reminders.map((r) => [r.kind, r.unassigned])).toEqual([['due_soon', true]]);
    expect(head.reminders[0]!.dueOn! >= '2025-04-10').toBe(true);
    expect(head.counts).toMatchObject({ overdue: 0, due_soon: 1 });
    await expect(myReminders(ctx, health.supervisor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('runs the day once across two processes, one message per person with an address, sent over SMTP', async () => {
    // PostgreSQL: at the same moment. SQLite: one after the other — two synchronous connections in one Node
    // process would wait on each other's lock while blocking the thread that holds it (separate processes do not)
    const run = (c: ServiceContext, worker: string) =>
      runDailyReminders(c, { worker, consoleUrl: 'https://gk.example.gov.cn/console' });
    const [a, b] =
      dialect === 'postgres'
        ? await Promise.all([run(ctx, 'process-a'), run(ctx2, 'process-b')])
        : [await run(ctx, 'process-a'), await run(ctx2, 'process-b')];
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    const ran = (a.ran ? a : b) as Extract<typeof a, { ran: true }>;
    // the 承办人 (overdue), the 负责人 (unassigned due soon); the 登记员 has reminders but no address
    expect(ran).toMatchObject({ day: '2025-04-10', people: 3, queued: 2, withoutEmail: 1 });
    expect(await runDailyReminders(ctx, { worker: 'process-a', consoleUrl: 'x' })).toMatchObject({
      ran: false,
      reason: 'claimed',
    });
    const runs = await jobRuns(database.db, 'daily_reminders');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finished_at).not.toBeNull();

    const mailer = smtpMailer({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: null,
      password: null,
      from: '政务公开办 <gkb@m.example.gov.cn>',
    });
    // two processes deliver at once: each message is sent once
    const deliver = (c: ServiceContext, worker: string) => deliverOutbox(c, mailer, { worker });
    const [d1, d2] =
      dialect === 'postgres'
        ? await Promise.all([deliver(ctx, 'a'), deliver(ctx2, 'b')])
        : [await deliver(ctx, 'a'), await deliver(ctx2, 'b')];
    expect(d1.sent + d2.sent).toBe(2);
    mailer.close();
    await expect.poll(() => smtp.received.length).toBe(2);
    const toHandler = smtp.received.find((m) => m.to.includes('handler@m.example.gov.cn'))!;
    expect(toHandler.from).toBe('gkb@m.example.gov.cn');
    const text = bodyText(toHandler.data);
    expect(text).toContain('答复已逾期（条例第三十三条）');
    expect(text).toMatch(
      /· [A-Z0-9-]+ {2}期限 2025-03-31 {2}https:\/\/gk\.example\.gov\.cn\/console\/applications\/\d+/,
    );
    expect(text).not.toContain('张'); // no applicant's name in the mail
    const mail = await listMail(database.db, { kind: 'daily_reminder' });
    expect(mail.map((m) => m.status)).toEqual(['sent', 'sent']);
    const events = await eventsOf(database.db, 'mail', mail[0]!.id);
    expect(events.map((e) => e.action)).toEqual(['mail_sent']);
  });

  it('keeps a refused message for a later attempt, then sends it', async () => {
    clock.set('2025-04-11T01:00:00Z');
    refuse = true;
    expect(await runDailyReminders(ctx, { worker: 'a', consoleUrl: 'x' })).toMatchObject({
      ran: true,
      queued: 2,
    });
    const mailer = smtpMailer({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: null,
      password: null,
      from: 'gkb@m.example.gov.cn',
    });
    expect(await deliverOutbox(ctx, mailer)).toMatchObject({ sent: 0, retry: 2 });
    expect(await deliverOutbox(ctx, mailer)).toMatchObject({ sent: 0, retry: 0 }); // waiting
    refuse = false;
    clock.set('2025-04-11T01:02:00Z');
    expect(await deliverOutbox(ctx, mailer)).toMatchObject({ sent: 2 });
    mailer.close();
    const mail = (await listMail(database.db, { kind: 'daily_reminder' })).slice(2);
    expect(mail.map((m) => [m.status, m.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
    expect((await eventsOf(database.db, 'mail', mail[0]!.id)).map((e) => e.action)).toEqual([
      'mail_retry',
      'mail_sent',
    ]);
  });

  it('mails a department’s member the 会签 addressed to it, with the department and its due date (issue 12 point 2)', async () => {
    clock.set('2025-04-14T01:00:00Z'); // a Monday
    await updateSettings(ctx, health.admin, health.admin.agencyId, { settings: { departments: ['法规科'] } });
    await changeUser(ctx, health.admin, health.reviewer.userId, {
      department: '法规科',
      email: 'legal@m.example.gov.cn',
    });
    const onTrack = (await inbox(ctx, health.head, { open: true })).rows.find(
      (r) => r.receivedOn === '2025-04-08',
    )!;
    await openCosigns(ctx, health.head, onTrack.id, {
      question: '请就是否涉及商业秘密提出意见',
      departments: [{ department: '法规科', workingDays: 3 }],
    });
    expect(
      await runDailyReminders(ctx, { worker: 'a', consoleUrl: 'https://gk.example.gov.cn/console' }),
    ).toMatchObject({
      ran: true,
    });
    const mail = (await listMail(database.db, { kind: 'daily_reminder' })).filter(
      (m) => m.toAddress === 'legal@m.example.gov.cn',
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain('待答复的会签 1 件');
    expect(mail[0]!.body).toContain('待答复的会签（会签不中止答复期限，条例第三十三条）：');
    expect(mail[0]!.body).toContain(
      `  · ${onTrack.trackingCode}  法规科  期限 2025-04-17  https://gk.example.gov.cn/console/applications/${onTrack.id}`,
    );
  });

  it('a withdrawn 会签 (撤回会签) reminds nobody, even past its due date, and is not mailed', async () => {
    const onTrack = (await inbox(ctx, health.head, { open: true })).rows.find(
      (r) => r.receivedOn === '2025-04-08',
    )!;
    const [opened] = (await cosignsOfApplication(ctx, health.head, onTrack.id)).cosigns;
    expect(opened!.status).toBe('pending');
    await withdrawCosignOf(ctx, health.head, onTrack.id, opened!.id, {
      reason: '申请人已补充说明，无需会签',
    });
    clock.set('2025-04-21T01:00:00Z'); // past its due date (17 April)
    const cosignKinds = async (who: typeof health.head) =>
      (await myReminders(ctx, who)).reminders.filter((r) => r.kind.startsWith('cosign_'));
    for (const who of [health.reviewer, health.head, health.handler])
      expect(await cosignKinds(who)).toEqual([]);
    const before = (await listMail(database.db, { kind: 'daily_reminder' })).length;
    await runDailyReminders(ctx, { worker: 'a', consoleUrl: 'https://gk.example.gov.cn/console' });
    const mail = (await listMail(database.db, { kind: 'daily_reminder' })).slice(before);
    expect(mail.length).toBeGreaterThan(0);
    expect(mail.filter((m) => m.subject.includes('会签') || m.body.includes('法规科  期限'))).toEqual([]);
  });
});
