import type {
  Action,
  ApplicantType,
  ApplicationState,
  DueStatus,
  FeeMethod,
} from '../../domain/application/index.ts';
import {
  APPLICANT_TYPES,
  APPLICATION_STATES,
  CHANNELS,
  DELIVERY_METHODS,
  DUE_STATUSES,
  FIELD_LIMITS,
  INFORMATION_FORMS,
  MAIL_KINDS,
  TRANSITIONS,
} from '../../domain/application/index.ts';
import type { ApplicantChanges } from '../../services/applications/actions.ts';
import { act } from '../../services/applications/actions.ts';
import type { LetterExtras } from '../../services/applications/letters.ts';
import { feeQuote } from '../../services/applications/fees.ts';
import type { NewApplicationInput } from '../../services/applications/intake.ts';
import { registerByStaff } from '../../services/applications/intake.ts';
import {
  applicationTimeline,
  getApplication,
  inbox,
  revealApplicant,
} from '../../services/applications/queries.ts';
import { requireStaff } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';
import { actionSchema } from './action-schema.ts';

const id = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1 } } } as const;
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const nullableString = (maxLength: number) => ({ type: ['string', 'null'], maxLength }) as const;

export const applicantSchema = {
  type: 'object',
  required: ['type', 'name'],
  additionalProperties: false,
  properties: {
    type: { type: 'string', enum: [...APPLICANT_TYPES] },
    name: { type: 'string', maxLength: 100 },
    contactPerson: nullableString(50),
    idKind: nullableString(30),
    idNumber: nullableString(40),
    phone: nullableString(30),
    email: nullableString(100),
    address: nullableString(200),
    postcode: nullableString(10),
  },
} as const;

export const itemsSchema = {
  type: 'array',
  maxItems: 50,
  items: {
    type: 'object',
    required: ['description'],
    additionalProperties: false,
    // lengths are the domain's (FIELD_LIMITS), checked there with a message naming the field
    properties: {
      description: { type: 'string', maxLength: FIELD_LIMITS.description * 2 },
      documentNumber: nullableString(FIELD_LIMITS.documentNumber * 2),
    },
  },
} as const;

/** Fill-ins and, for replies, how the information is provided — sent with the action that issues the letter. */
export const letterExtrasSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    fills: { type: 'object', additionalProperties: { type: 'string', maxLength: 2000 } },
    provision: {
      type: 'object',
      additionalProperties: false,
      properties: {
        publishedAt: { type: 'string', maxLength: 500 },
        howToObtain: { type: 'string', maxLength: 2000 },
        specialRoute: { type: 'string', maxLength: 500 },
        otherChannel: { type: 'string', maxLength: 500 },
        previousReply: { type: 'string', maxLength: 500 },
        attachments: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } },
      },
    },
  },
} as const;

/** 依申请公开 for staff: register, the inbox, one application, its history, actions, fee quotes. */
export const applicationRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  server.post(
    '/api/applications',
    {
      preHandler: requireStaff('registrar', 'handler'),
      schema: {
        tags: ['applications'],
        summary: '登记政府信息公开申请（当面、邮寄、传真等，条例第二十九条、第三十一条）',
        body: {
          type: 'object',
          required: ['applicant', 'receipt', 'items', 'form', 'delivery'],
          additionalProperties: false,
          properties: {
            applicant: applicantSchema,
            receipt: {
              type: 'object',
              required: ['channel'],
              additionalProperties: false,
              properties: {
                channel: { type: 'string', enum: [...CHANNELS] },
                mailKind: { type: ['string', 'null'], enum: [...MAIL_KINDS, null] },
                submittedOn: { ...date, type: ['string', 'null'] },
                signedForOn: { ...date, type: ['string', 'null'] },
                confirmedOn: { ...date, type: ['string', 'null'] },
              },
            },
            items: itemsSchema,
            form: { type: 'string', enum: [...INFORMATION_FORMS] },
            delivery: { type: 'string', enum: [...DELIVERY_METHODS] },
          },
        },
      },
    },
    async (request, reply) => {
      const { application, secret } = await registerByStaff(
        ctx,
        request.principal,
        request.body as NewApplicationInput,
      );
      const view = await getApplication(ctx, request.principal, application.id);
      return reply.status(201).send({ application: view, trackingCode: application.trackingCode, secret });
    },
  );

  server.get(
    '/api/applications',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary: '申请登记簿（收件箱）：筛选、搜索、到期状态',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            state: { type: 'array', items: { type: 'string', enum: [...APPLICATION_STATES] } },
            open: { type: 'boolean' },
            due: { type: 'string', enum: [...DUE_STATUSES] },
            applicantType: { type: 'string', enum: [...APPLICANT_TYPES] },
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
            q: { type: 'string', maxLength: 100 },
            page: { type: 'integer', minimum: 1 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        state?: ApplicationState[];
        open?: boolean;
        due?: DueStatus;
        applicantType?: ApplicantType;
        year?: number;
        q?: string;
        page?: number;
        pageSize?: number;
      };
      return inbox(ctx, request.principal, { ...q, ...(q.state ? { states: q.state } : {}) });
    },
  );

  server.get(
    '/api/applications/:id',
    {
      preHandler: requireStaff(),
      schema: { tags: ['applications'], summary: '一件申请（个人信息已脱敏）', params: id },
    },
    async (request) => getApplication(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.post(
    '/api/applications/:id/reveal',
    {
      preHandler: requireStaff(),
      schema: { tags: ['applications'], summary: '查看申请人完整个人信息（记入审计日志）', params: id },
    },
    async (request) => revealApplicant(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.get(
    '/api/applications/:id/timeline',
    {
      preHandler: requireStaff(),
      schema: { tags: ['applications'], summary: '办理过程：事件、期限变更、文书', params: id },
    },
    async (request) => applicationTimeline(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.post(
    '/api/applications/:id/actions',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary: '办理操作：受理、告知补正、征求意见、延期、收费、提交/审核答复、答复、归档',
        params: id,
        body: {
          type: 'object',
          required: ['action'],
          additionalProperties: false,
          properties: {
            action: actionSchema,
            version: { type: 'integer', minimum: 1 },
            letter: letterExtrasSchema,
            applicant: {
              type: 'object',
              additionalProperties: false,
              description: '补正带来的新通信地址（登记补正后的申请时）',
              properties: { address: { type: ['string', 'null'], maxLength: 200 } },
            },
          },
        },
      },
    },
    async (request) => {
      const body = request.body as {
        action: Action;
        version?: number;
        letter?: LetterExtras;
        applicant?: ApplicantChanges;
      };
      return act(
        ctx,
        request.principal,
        (request.params as { id: number }).id,
        body.action,
        body.version,
        body.letter,
        body.applicant,
      );
    },
  );

  server.get(
    '/api/applications/:id/fee-quote',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['applications'],
        summary: '信息处理费测算（国办函〔2020〕109号）：按件或按量',
        params: id,
        querystring: {
          type: 'object',
          required: ['method'],
          properties: {
            method: { type: 'string', enum: ['per_application', 'per_page'] },
            pages: { type: 'integer', minimum: 0, maximum: 1000000 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as { method: FeeMethod; pages?: number };
      return feeQuote(ctx, request.principal, (request.params as { id: number }).id, q.method, q.pages);
    },
  );
};
