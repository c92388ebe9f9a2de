import type { Principal } from '../domain/access/principal.ts';
import { actorOf } from '../domain/access/principal.ts';
import type { ItemInput, ItemState, InformationItem, Timeliness } from '../domain/catalog/index.ts';
import {
  availableActions,
  categoryPath,
  checkItemInput,
  EDITOR_ROLES,
  findCategory,
  formationDate,
  HIT_KIND_LABEL,
  ITEM_STATE_LABEL,
  publicationDue,
  REVIEW_QUEUE_STATES,
  scanSourceLabel,
  timeliness,
  TIMELINESS_LABEL,
  TRANSITIONS,
  VALIDITY_LABEL,
  validityOf,
} from '../domain/catalog/index.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { Attachment } from '../persistence/repositories/catalog-attachment.repository.ts';
import { attachmentListOf } from '../persistence/repositories/catalog-attachment.repository.ts';
import type { StoredHit } from '../persistence/repositories/catalog-hit.repository.ts';
import { hitsOf, unclearedCounts } from '../persistence/repositories/catalog-item.repository.ts';
