import type { AppealInput, AppealKind } from '../../domain/appeals/index.ts';
import { APPEAL_KINDS, DECIDED_RESULTS } from '../../domain/appeals/index.ts';
import {
  deleteAppeal,
  getAppeal,
  listAppeals,
  recordAppeal,
  updateAppeal,
} from '../../services/appeals/appeals.service.ts';
import { table4Cell, table4ForAgency } from '../../services/appeals/table4.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

const id = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const year = { type: 'integer', minimum: 2008, maximum: 2100 } as const;
const agencyId = { type: 'integer', minimum: 1 } as const;

export const appealSchema = {
  type: 'object',
  required: ['kind', 'body', 'caseNumber', 'filedOn'],
  additionalProperties: false,
  properties: {
    applicationId: { type: ['integer', 'null'], minimum: 1 },
    kind: { type: 'string', enum: [...APPEAL_KINDS] },
    body: { type: 'string', maxLength: 100 },
    caseNumber: { type: 'string', maxLength: 60 },
    filedOn: date,
    decidedOn: { ...date, type: ['string', 'null'] },
    result: { type: ['string', 'null'], enum: [...DECIDED_RESULTS, null] },
    note: { type: ['string', 'null'], maxLength: 2000 },
    version: { type: 'integer', minimum: 1 },
  },
} as const;

type AppealBody = Partial<AppealInput> &
  Pick<AppealInput, 'kind' | 'body' | 'caseNumber' | 'filedOn'> & { version?: number };
const input = (b: AppealBody): AppealInput => ({
  applicationId: b.applicationId ?? null,
  kind: b.kind,
  body: b.body,
  caseNumber: b.caseNumber,
  filedOn: b.filedOn,
  decidedOn: b.decidedOn ?? null,
  result: b.result ?? null,
  note: b.note ?? null,
});

/** 行政复议 / 行政诉讼 case records, and table 四 counted from them (each cell drills down to its cases). */
export const appealRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['appeals'];

  server.get(
    '/api/appeals',
    {
      preHandler: requireStaff(),
      schema: {
        tags,
        summary: '行政复议、行政诉讼案件列表（year：计入该年度表四的案件）',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            agencyId,
            year,
            kind: { type: 'string', enum: [...APPEAL_KINDS] },
            pending: { type: 'boolean' },
            applicationId: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        agencyId?: number;
        year?: number;
        kind?: AppealKind;
        pending?: boolean;
        applicationId?: number;
      };
      const { agencyId: a, ...query } = q;
      return { appeals: await listAppeals(ctx, request.principal, a ?? staffOf(request).agencyId, query) };
    },
  );

  server.post(
    '/api/appeals',
    {
      preHandler: requireStaff('handler', 'head', 'admin'),
      schema: { tags, summary: '登记行政复议、行政诉讼案件', body: appealSchema },
    },
    async (request, reply) => {
      const appeal = await recordAppeal(ctx, request.principal, input(request.body as AppealBody));
      return reply.status(201).send({ appeal });
    },
  );

  server.get(
    '/api/appeals/:id',
    {
      preHandler: requireStaff(),
      schema: { tags, summary: '一件行政复议、行政诉讼案件及其变更记录', params: id },
    },
    async (request) => getAppeal(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.put(
    '/api/appeals/:id',
    {
      preHandler: requireStaff('handler', 'head', 'admin'),
      schema: { tags, summary: '修改案件（含登记审结日期和结果）', params: id, body: appealSchema },
    },
    async (request) => {
      const body = request.body as AppealBody;
      return {
        appeal: await updateAppeal(
          ctx,
          request.principal,
          (request.params as { id: number }).id,
          input(body),
          body.version,
        ),
      };
    },
  );

  server.delete(
    '/api/appeals/:id',
    {
      preHandler: requireStaff('handler', 'head', 'admin'),
      schema: {
        tags,
        summary: '删除误登记的案件（须写明理由）',
        params: id,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: {
            reason: { type: 'string', minLength: 1, maxLength: 500 },
            version: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as { reason: string; version?: number };
      await deleteAppeal(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        body.reason,
        body.version,
      );
      return reply.status(204).send();
    },
  );

  server.get(
    '/api/table4',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['reports'],
        summary: '由案件记录生成年度报告表四（每个单元格附所计案件）',
        querystring: {
          type: 'object',
          required: ['year'],
          additionalProperties: false,
          properties: { year, agencyId },
        },
      },
    },
    async (request) => {
      const q = request.query as { year: number; agencyId?: number };
      return table4ForAgency(ctx, request.principal, q.agencyId ?? staffOf(request).agencyId, q.year);
    },
  );

  server.get(
    '/api/table4/cell',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['reports'],
        summary: '表四某一单元格统计的案件',
        querystring: {
          type: 'object',
          required: ['year', 'row', 'column'],
          additionalProperties: false,
          properties: {
            year,
            agencyId,
            row: { type: 'string', maxLength: 40 },
            column: { type: 'string', maxLength: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as { year: number; agencyId?: number; row: string; column: string };
      const appeals = await table4Cell(
        ctx,
        request.principal,
        q.agencyId ?? staffOf(request).agencyId,
        q.year,
        q.row,
        q.column,
      );
      return { appeals };
    },
  );
};
