import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import { randomToken } from '../../security/tokens.ts';
import { submitOnline } from '../../services/applications/intake.ts';
import { lookupByTrackingCode } from '../../services/applications/queries.ts';
import { emptyValues, readApplyForm, toApplicationInput } from '../pages/portal/apply-form.ts';
import { appliedPage, applyPage } from '../pages/portal/apply.page.ts';
import { hidden as hide, HTML, loose, noAgency, portalRequests } from '../pages/portal/requests.ts';
import type { PortalView } from '../pages/portal/shell.ts';
import { statusPage } from '../pages/portal/status.page.ts';
import { FORM_CSRF_COOKIE } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * 依申请公开 on the portal: the online application form (网络渠道, 条例 Art. 29, 31(3)) and the status page by
 * 查询码 and 查询密码. The application service does the work; these routes keep the entered values, show its
 * Chinese problems on their fields, and protect the anonymous forms with a double-submit token (gk_form cookie
 * + _form field). Never cached: the pages carry tokens and personal data.
 */
export const portalApplyRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const { resolve, viewOf } = portalRequests(app);

  function formToken(request: FastifyRequest, reply: FastifyReply): string {
    const existing = request.cookies[FORM_CSRF_COOKIE];
    if (existing && /^[A-Za-z0-9_-]{20,}$/.test(existing)) return existing;
    const token = randomToken(24);
    void reply.setCookie(FORM_CSRF_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.tls,
    });
    return token;
  }
  const formValid = (request: FastifyRequest) => {
    const sent = (request.body as Record<string, unknown> | undefined)?._form;
    const cookie = request.cookies[FORM_CSRF_COOKIE];
    return typeof sent === 'string' && !!cookie && sent === cookie;
  };
  const EXPIRED = { field: 'form', message: '表单已过期（或浏览器未启用 Cookie），请重新提交' };
  const EXPIRED_LIST = [EXPIRED];
  const noStore = (reply: FastifyReply) => reply.type(HTML).header('cache-control', 'no-store');

  async function portalView(request: FastifyRequest, reply: FastifyReply): Promise<PortalView | null> {
    const { agency, param } = await resolve(request);
    if (!agency) {
      void noStore(reply).status(404).send(noAgency(param));
      return null;
    }
    return viewOf(request, agency, param);
  }

  server.get(
    '/apply',
    { schema: { ...hide, querystring: loose(['agency', 'title', 'docNumber']) } },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const q = request.query as { title?: string; docNumber?: string };
      const values = emptyValues({
        ...(q.title ? { title: q.title.slice(0, 200) } : {}),
        ...(q.docNumber ? { docNumber: q.docNumber.slice(0, 100) } : {}),
      });
      return noStore(reply).send(
        applyPage(view, {
          values,
          problems: [],
          tokens: { form: formToken(request, reply), session: request.csrfToken },
        }),
      );
    },
  );

  server.post(
    '/apply',
    {
      schema: { ...hide, querystring: loose(['agency']) },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const values = readApplyForm((request.body ?? {}) as Record<string, unknown>);
      const again = (problems: { field: string; message: string }[]) =>
        noStore(reply)
          .status(problems === EXPIRED_LIST ? 403 : 400)
          .send(
            applyPage(view, {
              values,
              problems,
              tokens: { form: formToken(request, reply), session: request.csrfToken },
            }),
          );
      if (!formValid(request)) return again(EXPIRED_LIST);
      try {
        const { application, secret } = await submitOnline(ctx, view.agency.id, toApplicationInput(values));
        return noStore(reply).send(
          appliedPage(view, {
            trackingCode: application.trackingCode,
            secret,
            receivedOn: application.application.receivedOn,
            replyDue: application.application.deadlines.reply?.date ?? null,
          }),
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const problems = Array.isArray(error.details)
          ? (error.details as { field: string; message: string }[])
          : [{ field: error.field ?? 'form', message: error.message }];
        return again(problems);
      }
    },
  );
  server.get('/status', { schema: { ...hide, querystring: loose(['agency']) } }, async (request, reply) => {
    const view = await portalView(request, reply);
    if (!view) return reply;
    return noStore(reply).send(
      statusPage(view, {
        trackingCode: '',
        error: null,
        result: null,
        tokens: { form: formToken(request, reply), session: request.csrfToken },
      }),
    );
  });

  server.post(
    '/status',
    {
      schema: { ...hide, querystring: loose(['agency']) },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const trackingCode = typeof body.trackingCode === 'string' ? body.trackingCode.trim().slice(0, 40) : '';
      const secret = typeof body.secret === 'string' ? body.secret.trim().slice(0, 40) : '';
      const tokens = { form: formToken(request, reply), session: request.csrfToken };
      const fail = (status: number, error: string) =>
        noStore(reply)
          .status(status)
          .send(statusPage(view, { trackingCode, error, result: null, tokens }));
      if (!formValid(request)) return fail(403, EXPIRED.message);
      if (!trackingCode || !secret) return fail(400, '请填写查询码和查询密码');
      try {
        const result = await lookupByTrackingCode(ctx, trackingCode, secret);
        return noStore(reply).send(statusPage(view, { trackingCode, error: null, result, tokens }));
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation'))
          return fail(404, error.message);
        throw error;
      }
    },
  );
};
