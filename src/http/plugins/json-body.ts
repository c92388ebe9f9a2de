import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors.ts';

/** Deeper JSON than any of our documents: a request nesting further is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** Whether a JSON text nests objects and arrays deeper than `max` (strings skipped; one linear scan). */
export function jsonDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * The JSON body parser: Fastify's own (prototype-poisoning checks, its error codes), behind a nesting limit —
 * recursive code anywhere after parsing (schema checks, JSON.stringify, report decoding) must never meet a
 * structure deep enough to overflow the stack.
 */
export function registerJsonBody(server: FastifyInstance, bodyLimit: number): void {
  const parse = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = body.toString();
    if (jsonDeeperThan(text, MAX_JSON_DEPTH))
      return done(
        new AppError('validation', `请求体的 JSON 嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）`),
        undefined,
      );
    return parse(request, text, done);
  });
}
