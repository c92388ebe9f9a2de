import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorHandler } from '../errors.ts';
import { html } from '../pages/html.ts';
import { page } from '../pages/layout.ts';
import { AppError } from '../../domain/errors.ts';
import { randomToken } from '../../security/tokens.ts';
import { submitOnline } from '../../services/applications/intake.ts';
import {
  applicantLetter,
  applicantReplyAttachment,
  correctOnline,
  lookupByTrackingCode,
} from '../../services/applications/applicant-portal.ts';
import { letterSeal } from '../../services/agency-seal.service.ts';
import { sendAttachment } from './catalog-files.ts';
import { attachment } from './report-tool.routes.ts';
import { emptyValues, readApplyForm, toApplicationInput } from '../pages/portal/apply-form.ts';
import { appliedPage, applyPage } from '../pages/portal/apply.page.ts';
import { hidden as hide, HTML, loose, noAgency, portalRequests } from '../pages/portal/requests.ts';
import type { PortalView } from '../pages/portal/shell.ts';
import type { CorrectionValues, StatusPageData } from '../pages/portal/status.page.ts';
import { statusPage } from '../pages/portal/status.page.ts';
import { FORM_CSRF_COOKIE } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

/**
 * 依申请公开 on the portal: the online application form (网络渠道, 条例 Art. 29, 31(3)) and the status page by
 * 查询码 and 查询密码. The application service does the work; these routes keep the entered values, show its
 * Chinese problems on their fields, and protect the anonymous forms with a double-submit token (gk_form cookie
 * + _form field). Never cached: the pages carry tokens and personal data.
 */
export const APPLY_BODY_LIMIT = 16 * 1024 * 1024;

/** A post beyond even that limit cannot be read back: answer with a page, never raw JSON. */
function tooLargeAsPage(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return errorHandler(error, request, reply);
  return reply
    .status(413)
    .type(HTML)
    .header('cache-control', 'no-store')
    .send(
      page({
        title: '提交的内容过大',
        body: html`<h1>提交的内容过大</h1>
          <p role="alert">
            本次提交超过 ${APPLY_BODY_LIMIT / 1024 / 1024}
            MB，无法接收。请使用浏览器的“返回”回到申请表（已填写的内容仍在），
            按各栏旁注明的字数删减后再提交；大量材料可以当面或邮寄提交。
          </p>`,
      }),
    );
}

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
      // a long request must come back whole with its message, not as a JSON error: read up to 16 MB
      bodyLimit: APPLY_BODY_LIMIT,
      errorHandler: tooLargeAsPage,
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
        secret: '',
        error: null,
        result: null,
        tokens: { form: formToken(request, reply), session: request.csrfToken },
      }),
    );
  });

  /** The posted 查询码 and 查询密码 (every /status form carries them; never in a URL). */
  const credentialsOf = (request: FastifyRequest) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const take = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 40) : '');
    return { body, trackingCode: take(body.trackingCode), secret: take(body.secret) };
  };

  /** Answers a /status form: the page with the lookup, or the lookup's error (nothing else changes). */
  async function statusAnswer(
    request: FastifyRequest,
    reply: FastifyReply,
    view: PortalView,
    extra: { notice?: string; correction?: StatusPageData['correction']; status?: number } = {},
  ) {
    const { trackingCode, secret } = credentialsOf(request);
    const tokens = { form: formToken(request, reply), session: request.csrfToken };
    const result = await lookupByTrackingCode(ctx, trackingCode, secret);
    return noStore(reply)
      .status(extra.status ?? 200)
      .send(
        statusPage(view, {
          trackingCode,
          secret,
          error: null,
          notice: extra.notice ?? null,
          result,
          ...(extra.correction ? { correction: extra.correction } : {}),
          tokens,
        }),
      );
  }

  /** Runs a /status form's work; a wrong 查询码 or 查询密码, a stale form, a refused step → the page with the message. */
  const statusForm =
    (work: (request: FastifyRequest, reply: FastifyReply, view: PortalView) => Promise<FastifyReply>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const view = await portalView(request, reply);
      if (!view) return reply;
      const { trackingCode, secret } = credentialsOf(request);
      const tokens = { form: formToken(request, reply), session: request.csrfToken };
      const fail = (status: number, error: string) =>
        noStore(reply)
          .status(status)
          .send(statusPage(view, { trackingCode, secret: '', error, result: null, tokens }));
      if (!formValid(request)) return fail(403, EXPIRED.message);
      if (!trackingCode || !secret) return fail(400, '请填写查询码和查询密码');
      try {
        return await work(request, reply, view);
      } catch (error) {
        if (error instanceof AppError && ['not_found', 'validation', 'invalid_state'].includes(error.code))
          return fail(error.code === 'not_found' ? 404 : 400, error.message);
        throw error;
      }
    };
  const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  const idParam = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } };

  server.post(
    '/status',
    { schema: { ...hide, querystring: loose(['agency']) }, config: limited },
    statusForm((request, reply, view) => statusAnswer(request, reply, view)),
  );

  server.post(
    '/status/letters/:id',
    { schema: { ...hide, querystring: loose(['agency']), params: idParam }, config: limited },
    statusForm(async (request, reply) => {
      const { trackingCode, secret } = credentialsOf(request);
      const { document, agencyId } = await applicantLetter(
        ctx,
        trackingCode,
        secret,
        (request.params as { id: number }).id,
      );
      const pdf = await ctx.documents.renderLetter(document, 'pdf', await letterSeal(ctx, agencyId));
      return reply
        .type('application/pdf')
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', attachment(`${document.title}（${document.number}）.pdf`))
        .send(pdf);
    }),
  );

  server.post(
    '/status/attachments/:id',
    { schema: { ...hide, querystring: loose(['agency']), params: idParam }, config: limited },
    statusForm(async (request, reply) => {
      const { trackingCode, secret } = credentialsOf(request);
      const id = (request.params as { id: number }).id;
      return sendAttachment(reply, await applicantReplyAttachment(ctx, trackingCode, secret, id));
    }),
  );

  server.post(
    '/status/correction',
    {
      schema: { ...hide, querystring: loose(['agency']) },
      config: limited,
      bodyLimit: APPLY_BODY_LIMIT,
      errorHandler: tooLargeAsPage,
    },
    statusForm(async (request, reply, view) => {
      const { body, trackingCode, secret } = credentialsOf(request);
      const values = readCorrectionForm(body);
      try {
        await correctOnline(ctx, trackingCode, secret, {
          items: values.items.map((i) => ({ description: i.description.trim(), documentNumber: null })),
          address: values.address.trim() || null,
        });
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const problems = Array.isArray(error.details)
          ? (error.details as { field: string; message: string }[])
          : [{ field: error.field ?? 'form', message: error.message }];
        return statusAnswer(request, reply, view, {
          status: 400,
          correction: {
            values,
            problems: problems.map((p) => ({ ...p, field: p.field.replace(/^applicant\./, '') })),
          },
        });
      }
      return statusAnswer(request, reply, view, {
        notice: '补正已提交。收到补正申请之日为今天，答复期限自今天起重新计算。',
      });
    }),
  );
};

/** The 补正 form's values as typed (never cut). */
function readCorrectionForm(body: Record<string, unknown>): CorrectionValues {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const items: CorrectionValues['items'] = [];
  for (let i = 0; i < 50 && typeof body[`items.${i}.description`] === 'string'; i++)
    items.push({ description: str(body[`items.${i}.description`]) });
  return { items: items.filter((item, i) => i === 0 || item.description.trim()), address: str(body.address) };
}
