import type { InformationItem } from '../../domain/catalog/index.ts';
import { scanText, tokenText, unscannableHit } from '../../domain/catalog/index.ts';
import type { AttachmentWithText } from '../../persistence/repositories/catalog-attachment.repository.ts';
import { attachmentsOf } from '../../persistence/repositories/catalog-attachment.repository.ts';
import type { StoredHit } from '../../persistence/repositories/catalog-hit.repository.ts';
import { replaceHits } from '../../persistence/repositories/catalog-hit.repository.ts';
import { updateItem } from '../../persistence/repositories/catalog-item.repository.ts';
import type { Db } from '../context.ts';

/**
 * What an item's text feeds: the search tokens stored beside it and the scanner's hits. Both are rebuilt
 * together whenever the title, body or attachments change, in the same transaction as the change.
 */

/** An image or an attachment with (almost) no text layer cannot be scanned. */
const MIN_SCANNABLE_CHARS = 10;

export function searchTokensOf(item: InformationItem, attachments: readonly { text: string }[]): string {
  // 依申请公开 items show only their metadata: their body and attachments are not searchable on the portal
  const content = item.method === 'proactive' ? [item.body, ...attachments.map((a) => a.text)] : [];
  return tokenText(item.title, item.docNumber, item.indexNumber, item.topic, item.summary, ...content);
}

export function scanItem(
  item: InformationItem,
  attachments: readonly AttachmentWithText[],
  extraMarks: readonly string[],
) {
  return [
    { source: 'title', hits: scanText(item.title, { extraMarks }) },
    { source: 'summary', hits: scanText(item.summary, { extraMarks }) },
    { source: 'body', hits: scanText(item.body, { extraMarks }) },
    ...attachments.map((a) => ({
      source: `attachment:${a.id}`,
      hits:
        a.text.trim().length < MIN_SCANNABLE_CHARS
          ? [unscannableHit(a.fileName)]
          : scanText(a.text, { extraMarks }),
    })),
  ];
}

/** Writes the item with fresh tokens and a fresh scan (clearances of unchanged hits survive). */
export async function saveWithContent(
  trx: Db,
  item: InformationItem,
  extraMarks: readonly string[],
): Promise<StoredHit[]> {
  const attachments = await attachmentsOf(trx, item.id);
  await updateItem(trx, item, searchTokensOf(item, attachments));
  return replaceHits(trx, item.id, scanItem(item, attachments, extraMarks));
}
