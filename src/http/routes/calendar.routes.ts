import type { Channel, MailKind } from '../../domain/application/index.ts';
import { CHANNELS, MAIL_KINDS } from '../../domain/application/index.ts';
import { loadSchedule, uploadedYears, workingCalendar } from '../../services/calendar.service.ts';
import { deadlineSummary } from '../../services/deadline.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

/** The working-day calendar: deadlines for a receipt date, and run-time loading of a year's schedule. */
export const calendarRoutes: AppRoutes = async (server, { app }) => {
  server.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: '按收到申请之日计算答复期限、补正告知期限和最长延期期限',
        querystring: {
          type: 'object',
          required: ['received'],
          properties: {
            received: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            channel: { type: 'string', enum: [...CHANNELS] },
            mailKind: { type: 'string', enum: [...MAIL_KINDS] },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as { received: string; channel?: Channel; mailKind?: MailKind };
      return deadlineSummary(
        await workingCalendar(app.ctx),
        q.received,
        q.channel ?? 'in_person',
        q.mailKind ?? null,
      );
    },
  );
  server.get(
    '/api/calendar/schedules',
    { preHandler: requireStaff(), schema: { tags: ['calendar'], summary: '已有放假安排的年份' } },
    async () => {
      const calendar = await workingCalendar(app.ctx);
      return { years: calendar.scheduledYears, uploaded: await uploadedYears(app.ctx) };
    },
  );
  server.post(
    '/api/calendar/schedules',
    {
      preHandler: requireStaff('admin'),
      schema: {
        tags: ['calendar'],
        summary: '导入某年放假安排（国务院办公厅通知，holiday-cn 格式）',
        body: { type: 'object' },
      },
    },
    async (request) => loadSchedule(app.ctx, request.principal, request.body),
  );
};
