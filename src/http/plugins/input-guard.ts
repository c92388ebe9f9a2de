import type { FastifyInstance, RouteOptions } from 'fastify';
import { AppError } from '../../domain/errors.ts';

/** The range of the databases' `integer` columns (ids, counts, amounts): larger numbers can match no row. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

interface Schema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

/** Gives every `integer` of a schema the database's range, unless it has narrower bounds already. */
function boundIntegers(schema: Schema | undefined, seen = new Set<object>()): void {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
  seen.add(schema);
  if ([schema.type].flat().includes('integer')) {
    if (schema.maximum === undefined && schema.exclusiveMaximum === undefined) schema.maximum = INT_MAX;
    if (schema.minimum === undefined && schema.exclusiveMinimum === undefined) schema.minimum = INT_MIN;
  }
  for (const child of Object.values(schema.properties ?? {})) boundIntegers(child, seen);
  for (const child of [schema.items ?? [], schema.anyOf ?? [], schema.oneOf ?? [], schema.allOf ?? []].flat())
    boundIntegers(child, seen);
}

/** The path of the first string holding a NUL character, or null. */
function nulAt(value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 100) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = nulAt(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Input every route refuses the same way, whatever its own schema says: integers beyond the database's
 * integer range (PostgreSQL would fail the query), and text holding the NUL character (PostgreSQL cannot
 * store it; SQLite would cut the text short) — each a 400 naming the field.
 */
export function registerInputGuard(server: FastifyInstance): void {
  server.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as Record<string, Schema> | undefined;
    for (const part of ['body', 'querystring', 'params'] as const) boundIntegers(schema?.[part]);
  });
  server.addHook('preHandler', async (request) => {
    for (const [where, value] of [
      ['字段', request.body],
      ['查询参数', request.query],
      ['路径参数', request.params],
    ] as const) {
      const path = nulAt(value);
      if (path)
        throw new AppError(
          'validation',
          `${where} ${path.join('.') || '（请求体）'} 含有不允许的空字符（\\u0000）`,
          path.join('.') || undefined,
        );
    }
  });
}
