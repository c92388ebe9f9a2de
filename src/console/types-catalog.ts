/** The catalog API's shapes (src/services/catalog-item.service.ts), over the pure domain types. */
import type { Category } from '../domain/catalog/categories.ts';
import type { InformationItem } from '../domain/catalog/item.ts';
import type { InterpretationState } from '../domain/catalog/interpretation.ts';
import type { DisclosureMatter } from '../domain/catalog/matters.ts';
import type { Timeliness } from '../domain/catalog/lateness.ts';
import type { NormativeDocument } from '../domain/catalog/normative.ts';
import type { ReviewAction } from '../domain/catalog/review.ts';
import type { ScanHit } from '../domain/catalog/scanner.ts';

export interface ItemActionView {
  action: ReviewAction;
  label: string;
  needsReason: boolean;
}

export interface ItemRow extends Omit<InformationItem, 'body'> {
  stateLabel: string;
  validity: string;
  validityLabel: string;
  timeliness: Timeliness;
  timelinessLabel: string;
  unclearedHits: number;
  actions: ItemActionView[];
}

export interface HitView extends ScanHit {
  id: number;
  itemId: number;
  source: string;
  clearedBy: number | null;
  clearedAt: string | null;
  note: string | null;
  kindLabel: string;
  sourceLabel: string;
}

export interface AttachmentView {
  id: number;
  itemId: number;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface ItemView extends ItemRow {
  body: string;
  categoryPath: string[];
  attachments: AttachmentView[];
  hits: HitView[];
  normativeDocument: NormativeDocument | null;
  matter: { id: number; name: string; timeLimit: string; period: string } | null;
  interpretations: {
    id: number;
    title: string;
    state: string;
    interpretationForm: string | null;
    publishedOn: string | null;
  }[];
  interpretationState: InterpretationState;
  interpretationStateLabel: string;
  interprets: { id: number; title: string; state: string } | null;
}

/** One 公开事项 of the standard catalog (src/services/catalog/matter.service.ts). */
export interface MatterView extends DisclosureMatter {
  name: string;
  period: string;
  itemCount: number;
}

export interface CatalogConfig {
  categories: Category[];
  custom: boolean;
  indexScheme: string;
  extraMarks: string[];
}

export interface StoredEventView {
  id: number;
  action: string;
  actor: string;
  actorRole: string | null;
  at: string;
  data: Record<string, unknown> | null;
}
