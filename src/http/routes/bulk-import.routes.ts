import { AppError } from '../../domain/errors.ts';
import {
  bulkImportList,
  bulkImportView,
  createBulkImport,
  pickBulkFileAgency,
  runBulkImports,
} from '../../services/supervision/bulk-import.service.ts';
import { requireStaff } from '../plugins/auth.ts';
/** UPLOAD_LIMIT of src/http/server.ts: one file's cap */
const UPLOAD_LIMIT = 20 * 1024 * 1024;
import type { AppRoutes } from './app-routes.ts';

const MAX_PARTS = 500;
const MAX_TOTAL = 128 * 1024 * 1024;
const id = { type: 'integer', minimum: 1 } as const;

/**
 * The supervisor's bulk upload of a year's reports (issue 13 point 10; services/supervision/bulk-import.service.ts):
 * POST stores the files and answers 202 at once; the files are read in the background, and GET answers the
 * progress from the database (any server process), file by file.
 */
export const bulkImportRoutes: AppRoutes = async (server, { app }) => {
  const ctx = app.ctx;
  const tags = ['supervision'];
  const supervisor = { preHandler: requireStaff('supervisor') };

  server.post(
    '/api/supervision/bulk-imports',
    {
      ...supervisor,
      schema: {
        tags,
        summary:
          '批量导入所辖机关某年度的年度报告：multipart 字段 year 和一个或多个 files（报告文件或 .zip 压缩包）；立即返回 202，逐个文件在后台读取',
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'unsupported_media',
          '请以 multipart/form-data 上传文件（字段名 files、year）',
          'files',
        );
      const files: { fileName: string; bytes: Uint8Array }[] = [];
      let year: string | undefined;
      let total = 0;
      for await (const part of request.parts({ limits: { files: MAX_PARTS, fileSize: UPLOAD_LIMIT } })) {
        if (part.type === 'file') {
          const bytes = await part.toBuffer();
          if (part.fieldname !== 'files') continue;
          total += bytes.length;
          if (total > MAX_TOTAL)
            throw new AppError(
              'too_large',
              `一次上传的文件合计不能超过 ${MAX_TOTAL >> 20} MB，请分批上传`,
              'files',
            );
          files.push({ fileName: part.filename, bytes });
        } else if (part.fieldname === 'year') year = String(part.value).trim();
      }
      if (year === undefined || !/^\d{4}$/.test(year))
        throw new AppError('validation', '请填写报告年度（四位数年份）', 'year');
      const bulk = await createBulkImport(ctx, request.principal, { year: Number(year), files });
      // read in the background; a process that stops leaves the rest to the scheduled job (bulk-imports.job.ts)
      void runBulkImports(ctx, bulk.id).catch((error: unknown) =>
        request.log.error({ err: error, bulkImport: bulk.id }, 'bulk import stopped'),
      );
      return reply.status(202).send({ id: bulk.id, year: bulk.year, fileCount: bulk.fileCount });
    },
  );

  server.get(
    '/api/supervision/bulk-imports',
    { ...supervisor, schema: { tags, summary: '本机关最近的批量导入及其进度' } },
    async (request) => ({ imports: await bulkImportList(ctx, request.principal) }),
  );

  server.get(
    '/api/supervision/bulk-imports/:id',
    {
      ...supervisor,
      schema: {
        tags,
        summary: '批量导入的进度和逐个文件的结果：匹配的机关及依据、读到的年度和格式、单元格、发现的问题',
        params: { type: 'object', required: ['id'], properties: { id } },
      },
    },
    async (request) => bulkImportView(ctx, request.principal, (request.params as { id: number }).id),
  );

  server.put(
    '/api/supervision/bulk-imports/:id/files/:fileId/agency',
    {
      ...supervisor,
      schema: {
        tags,
        summary: '为未匹配或机关不唯一的文件选择机关，并导入为该机关的年度报告',
        params: { type: 'object', required: ['id', 'fileId'], properties: { id, fileId: id } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['agencyId'],
          properties: { agencyId: id },
        },
      },
    },
    async (request) => {
      const { id: importId, fileId } = request.params as { id: number; fileId: number };
      const { agencyId } = request.body as { agencyId: number };
      return pickBulkFileAgency(ctx, request.principal, importId, fileId, agencyId);
    },
  );
};
