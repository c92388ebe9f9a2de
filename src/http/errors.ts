import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../domain/errors.ts';
import { AppError } from '../domain/errors.ts';
import { errorPage } from './pages/error.page.ts';

/** The one place error codes become HTTP statuses. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  too_large: 413,
  unprocessable: 422,
  unsupported_media: 415,
  rate_limited: 429,
  busy: 429,
  locked: 423,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

const KEYWORD_MESSAGE: Record<string, (p: Record<string, unknown>) => string> = {
  required: (p) => `缺少必填字段 ${String(p.missingProperty)}`,
  type: (p) =>
    `类型应为 ${String(p.type)
      .split(',')
      .map((t) => typeName(t))
      .join('或')}`,
  minLength: (p) => `至少 ${String(p.limit)} 个字符`,
  maxLength: (p) => `最多 ${String(p.limit)} 个字符`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  enum: (p) => `只能是：${(p.allowedValues as unknown[]).join('、')}`,
  pattern: () => '格式不正确',
  format: (p) => `格式应为 ${String(p.format)}`,
  additionalProperties: (p) => `不允许的字段 ${String(p.additionalProperty)}`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  const: () => '取值不正确',
};

function typeName(t: string): string {
  return (
    (
      {
        string: '文本',
        integer: '整数',
        number: '数字',
        boolean: '布尔值',
        object: '对象',
        array: '数组',
        null: '空',
      } as Record<string, string>
    )[t] ?? t
  );
}

/** A JSON-schema validation error in Chinese, naming the field. */
function schemaMessage(error: FastifyError): { message: string; field?: string } {
  const first = error.validation?.[0];
  if (!first) return { message: '请求参数有误' };
  const params = (first.params ?? {}) as Record<string, unknown>;
  let field = (first.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  if (first.keyword === 'required') field = [field, String(params.missingProperty)].filter(Boolean).join('.');
  if (first.keyword === 'additionalProperties')
    field = [field, String(params.additionalProperty)].filter(Boolean).join('.');
  const where =
    error.validationContext === 'querystring'
      ? '查询参数'
      : error.validationContext === 'params'
        ? '路径参数'
        : '字段';
  const describe = KEYWORD_MESSAGE[first.keyword]?.(params) ?? first.message ?? '不符合要求';
  return {
    message:
      first.keyword === 'required' || first.keyword === 'additionalProperties'
        ? `${describe}`
        : `${where} ${field || '（请求体）'} ${describe}`,
    ...(field ? { field } : {}),
  };
}

export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError)
    return {
      status: HTTP_STATUS[error.code],
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.field ? { field: error.field } : {}),
          ...(error.details !== undefined ? { details: error.details } : {}),
        },
      },
    };
  const fe = error as FastifyError;
  if (fe.validation) {
    const { message, field } = schemaMessage(fe);
    return { status: 400, body: { error: { code: 'validation', message, ...(field ? { field } : {}) } } };
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
      return { status: 413, body: { error: { code: 'too_large', message: '请求体或上传文件过大' } } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        body: { error: { code: 'unsupported_media', message: '不支持的内容类型（Content-Type）' } },
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { error: { code: 'validation', message: '请求体不是有效的 JSON' } } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, body: { error: { code: 'validation', message: 'Content-Length 与请求体不符' } } };
    case 'FST_ERR_BAD_URL':
      return { status: 400, body: { error: { code: 'validation', message: '网址中含有无效的字符编码' } } };
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 414, body: { error: { code: 'validation', message: '网址中的参数过长' } } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return {
        status: 415,
        body: { error: { code: 'unsupported_media', message: '请求不是 multipart/form-data 上传' } },
      };
  }
  // the multipart parser (busboy) reports a cut-off or malformed upload as a plain Error
  if (
    /unexpected end of multipart data|Multipart: Boundary not found|Malformed part header/i.test(
      fe.message ?? '',
    )
  )
    return {
      status: 400,
      body: { error: { code: 'validation', message: '上传的表单数据不完整或格式有误，请重新上传' } },
    };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const message = fe.statusCode === 429 ? '请求过于频繁，请稍后再试' : '请求有误';
    return {
      status: fe.statusCode,
      body: { error: { code: fe.statusCode === 429 ? 'rate_limited' : 'validation', message } },
    };
  }
  return { status: 500, body: { error: { code: 'internal', message: '服务器内部错误，请稍后再试' } } };
}

/** A browser asking for a page (not the JSON API) gets the error as a page. */
const wantsPage = (request: FastifyRequest) =>
  !request.url.startsWith('/api/') && /text\/html/.test(request.headers.accept ?? '');

/** Seconds after which a refused request may be tried again (busy document workers, a rate limit). */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof AppError)) return null;
  const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : null;
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(error);
  const retry = retryAfterSeconds(error);
  if (retry !== null) void reply.header('retry-after', String(retry));
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  if (wantsPage(request))
    void reply.status(status).type('text/html; charset=utf-8').send(errorPage(body.error.message));
  else void reply.status(status).type('application/json; charset=utf-8').send(body);
}
