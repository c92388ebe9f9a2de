import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { SupervisionCaller } from '../../services/supervision/scope.ts';

/** The OpenAPI `security` of a route guarded by requireSupervisionReader: a session or an API token. */
export const SUPERVISION_READER_SECURITY: { [scheme: string]: string[] }[] = [
  { session: [] },
  { apiToken: [] },
];

/**
 * Supervision read routes accept a session or a read-only API token (`Authorization: Bearer gks_…`). The guard
 * runs before validation (as requireStaff does), so a caller with neither is told 401, never the schema.
 */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export async function requireSupervisionReader(request: FastifyRequest, _reply: FastifyReply) {
  if (request.principal.kind !== 'staff' && bearerToken(request) === null)
    throw new AppError('unauthenticated', '请先登录，或在 Authorization 头中提供 API 令牌');
}

export function callerOf(request: FastifyRequest): SupervisionCaller {
  return {
    principal: request.principal,
    token: request.principal.kind === 'staff' ? null : bearerToken(request),
    request: `${request.method} ${request.url}`,
  };
}
