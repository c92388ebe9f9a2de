import { createReadStream, existsSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { Attachment } from '../../persistence/repositories/catalog-attachment.repository.ts';

/** Sends a stored attachment with its Chinese file name (RFC 5987) and no sniffing. */
export function sendAttachment(
  reply: FastifyReply,
  file: { attachment: Pick<Attachment, 'mediaType' | 'size' | 'fileName'>; path: string },
  publicFile = false,
) {
  if (!existsSync(file.path)) throw new AppError('not_found', '附件文件已丢失，请联系网站管理员');
  // a published file opens in the browser; a private one (an applicant's reply files, staff downloads) is saved,
  // as its 下载 button says, and is not left in the browser's viewer history
  const inline =
    publicFile &&
    (file.attachment.mediaType === 'application/pdf' || file.attachment.mediaType.startsWith('image/'));
  return reply
    .type(file.attachment.mediaType)
    .header('content-length', file.attachment.size)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', publicFile ? 'public, max-age=86400' : 'private, no-store')
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.attachment.fileName)}`,
    )
    .send(createReadStream(file.path));
}
