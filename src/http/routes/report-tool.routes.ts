import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  applyCellEdits,
  isReportFormat,
  reportToJson,
  reportTemplate,
  validateReport,
} from '../../domain/report/index.ts';
import type { ReportFormat } from '../../domain/report/index.ts';
import { AppError } from '../../domain/errors.ts';
import type { ErrorCode } from '../../domain/errors.ts';
import type { AnnualReport } from '../../domain/report/index.ts';
import { HTTP_STATUS, retryAfterSeconds } from '../errors.ts';
import type { RenderTarget } from '../../render/report/index.ts';
import { renderReportTablesHtml } from '../../render/report/index.ts';
import type { CheckedReport } from '../../services/report-check.service.ts';
import { checkReport, reportFromJsonText } from '../../services/report-check.service.ts';
import { countAnonymousRender } from '../../services/render-limit.service.ts';
import { reportResultPage, reportToolPage } from '../pages/report-tool.page.ts';
import type { AppRoutes } from './app-routes.ts';

export const CONTENT_TYPE: Record<RenderTarget | 'json', string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};
const TARGETS = ['html', 'md', 'docx', 'xlsx', 'pdf', 'json'] as const;
/** what the checker's page shows beside the form instead of an error page: the upload's own problems */
const PAGE_ERRORS = new Set<ErrorCode>([
  'validation',
  'unsupported_media',
  'too_large',
  'unprocessable',
  'busy',
]);

/** Content-Disposition with a Chinese file name (RFC 5987). */
export function attachment(name: string): string {
  return `attachment; filename="report"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function resultPage(checked: CheckedReport, previous: string | undefined): string {
  return reportResultPage({
    ...checked,
    tablesHtml: renderReportTablesHtml(checked.report),
    editableTablesHtml: renderReportTablesHtml(checked.report, { editable: true }),
    ...(previous ? { previous } : {}),
  });
}

async function readForm(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Uint8Array } | undefined;
  if (request.isMultipart()) {
    let files = 0;
    for await (const part of request.parts({ limits: { files: 1 } })) {
      if (part.type === 'file') {
        const f = part as MultipartFile;
        if (++files > 1) throw new AppError('validation', '一次只能上传一个报告文件', 'file');
        const bytes = await f.toBuffer();
        if (f.fieldname === 'file' && bytes.length > 0) file = { filename: f.filename, bytes };
      } else fields[part.fieldname] = String(part.value ?? '');
    }
  } else Object.assign(fields, (request.body ?? {}) as Record<string, string>);
  return { fields, file };
}

/**
 * The public report checker (issue 2): paste or upload a report, see the findings beside the tables, download
 * it as DOCX / XLSX / HTML / Markdown. Public and stateless: nothing is stored but the per-client count of
 * renders (render-limit.service.ts). Uploads are read, and renders made, by the document workers.
 */
export const reportToolRoutes: AppRoutes = async (server, { app }) => {
  const { documents } = app.ctx;
  /** renders cost a worker (and LibreOffice for PDF): counted per client in the database */
  const render = async (
    request: FastifyRequest,
    report: AnnualReport,
    to: RenderTarget,
    withFindings = true,
  ) => {
    await countAnonymousRender(app.ctx, request.ip, app.config.documents.rendersPerMinute);
    return documents.renderReport(report, to, withFindings ? validateReport(report) : undefined);
  };
  server.get('/tools/report', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(reportToolPage()),
  );

  server.post(
    '/tools/report',
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { fields, file } = await readForm(request);
      try {
        const checked = await checkReport(documents, { json: fields.json, file, previous: fields.previous });
        return reply.type('text/html; charset=utf-8').send(resultPage(checked, fields.previous));
      } catch (error) {
        if (!(error instanceof AppError) || !PAGE_ERRORS.has(error.code)) throw error;
        const retry = retryAfterSeconds(error);
        if (retry !== null) void reply.header('retry-after', String(retry));
        return reply
          .status(HTTP_STATUS[error.code])
          .type('text/html; charset=utf-8')
          .send(
            reportToolPage({
              json: fields.json ?? '',
              previous: fields.previous ?? '',
              error: error.message,
            }),
          );
      }
    },
  );

  server.post(
    '/tools/report/edit',
    { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const { fields } = await readForm(request);
      const { report } = reportFromJsonText(fields.json ?? '', 'json');
      const edits = Object.fromEntries(
        Object.entries(fields)
          .filter(([name]) => name.startsWith('cell:'))
          .map(([name, value]) => [name.slice(5), value]),
      );
      const edited = applyCellEdits(report, edits);
      const checked = await checkReport(documents, {
        json: reportToJson(edited.report),
        previous: fields.previous,
      });
      return reply
        .type('text/html; charset=utf-8')
        .send(
          resultPage({ ...checked, findings: [...edited.findings, ...checked.findings] }, fields.previous),
        );
    },
  );

  server.post('/tools/report/download', { schema: { hide: true } }, async (request, reply) => {
    const { fields } = await readForm(request);
    const to = fields.to as (typeof TARGETS)[number];
    if (!TARGETS.includes(to))
      throw new AppError('validation', '文件格式只能是 docx、xlsx、html、md、pdf 或 json', 'to');
    const { report } = reportFromJsonText(fields.json ?? '', 'json');
    const name = `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告.${to}`;
    const body = to === 'json' ? reportToJson(report) : await render(request, report, to);
    return reply.type(CONTENT_TYPE[to]).header('content-disposition', attachment(name)).send(body);
  });

  server.post(
    '/api/report-tool/validate',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['report'],
        summary: '核对年度报告（interchange JSON），返回发现的问题',
        body: {
          type: 'object',
          required: ['report'],
          properties: { report: { type: 'object' }, previous: { type: 'object' } },
        },
      },
    },
    async (request) => {
      const body = request.body as { report: unknown; previous?: unknown };
      const checked = await checkReport(documents, {
        json: JSON.stringify(body.report),
        previous: body.previous ? JSON.stringify(body.previous) : undefined,
      });
      return { report: JSON.parse(checked.json) as unknown, findings: checked.findings };
    },
  );

  server.post(
    '/api/report-tool/render',
    {
      schema: {
        tags: ['report'],
        summary: '把年度报告排版为 HTML / DOCX / XLSX / Markdown / PDF',
        querystring: {
          type: 'object',
          required: ['to'],
          properties: { to: { type: 'string', enum: [...TARGETS] } },
        },
        body: { type: 'object' },
      },
    },
    async (request, reply) => {
      const { to } = request.query as { to: (typeof TARGETS)[number] };
      const { report } = reportFromJsonText(JSON.stringify(request.body), 'report');
      const body = to === 'json' ? reportToJson(report) : await render(request, report, to);
      return reply
        .type(CONTENT_TYPE[to])
        .header('content-disposition', attachment(`report.${to}`))
        .send(body);
    },
  );

  server.get(
    '/api/report-tool/template',
    {
      schema: {
        tags: ['report'],
        summary: '某年度的空白年度报告模板',
        querystring: {
          type: 'object',
          required: ['year'],
          properties: {
            year: { type: 'integer', minimum: 2008, maximum: 2100 },
            format: { type: 'string', enum: ['2019', '2021'] },
            to: { type: 'string', enum: [...TARGETS] },
            agency: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (request, reply) => {
      const q = request.query as {
        year: number;
        format?: string;
        to?: (typeof TARGETS)[number];
        agency?: string;
      };
      const format: ReportFormat | undefined = isReportFormat(q.format) ? q.format : undefined;
      const report = reportTemplate(q.year, format, q.agency ?? null);
      const to = q.to ?? 'json';
      const body = to === 'json' ? reportToJson(report) : await render(request, report, to, false);
      return reply
        .type(CONTENT_TYPE[to])
        .header('content-disposition', attachment(`${q.year}年政府信息公开工作年度报告（模板）.${to}`))
        .send(body);
    },
  );
};
