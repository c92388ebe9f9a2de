import { myReminders } from '../../services/reminders/reminders.service.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

/** 待办提醒 of the signed-in staff member (issue 12 point 4); the daily e-mail sends the same list. */
export const reminderRoutes: AppRoutes = async (server, { app }) => {
  server.get(
    '/api/reminders',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary:
          '我的待办提醒：即将到期、已逾期、征求意见超过15个工作日、文书待送达（分配给本人的，负责人和登记员另含未分配的）',
      },
    },
    async (request) => myReminders(app.ctx, request.principal),
  );
};
