import type { ReportFormat } from '../../domain/report/index.ts';
import { table3Cell, table3ForAgency } from '../../services/applications/table3.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import type { AppRoutes } from './app-routes.ts';

const query = {
  type: 'object',
  required: ['year'],
  properties: {
    year: { type: 'integer', minimum: 2008, maximum: 2100 },
    agencyId: { type: 'integer', minimum: 1 },
    format: { type: 'string', enum: ['2019', '2021'] },
  },
} as const;

/** Table 三 of the annual report computed from the register, and the drill-down of any cell. */
export const table3Routes: AppRoutes = async (server, { app }) => {
  server.get(
    '/api/table3',
    {
      preHandler: requireStaff(),
      schema: { tags: ['reports'], summary: '由申请登记簿生成年度报告表三', querystring: query },
    },
    async (request) => {
      const q = request.query as { year: number; agencyId?: number; format?: ReportFormat };
      return table3ForAgency(
        app.ctx,
        request.principal,
        q.agencyId ?? staffOf(request).agencyId,
        q.year,
        q.format,
      );
    },
  );
  server.get(
    '/api/table3/cell',
    {
      preHandler: requireStaff(),
      schema: {
        tags: ['reports'],
        summary: '表三某一单元格统计的申请',
        querystring: {
          ...query,
          required: ['year', 'row', 'column'],
          properties: {
            ...query.properties,
            row: { type: 'string', maxLength: 40 },
            column: { type: 'string', maxLength: 20 },
          },
        },
      },
    },
    async (request) => {
      const q = request.query as {
        year: number;
        agencyId?: number;
        row: string;
        column: string;
        format?: ReportFormat;
      };
      const rows = await table3Cell(
        app.ctx,
        request.principal,
        q.agencyId ?? staffOf(request).agencyId,
        q.year,
        q.row,
        q.column,
        q.format,
      );
      return { rows };
    },
  );
};
