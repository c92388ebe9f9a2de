import type { AppealResult } from '../../domain/appeals/index.ts';
import {
  APPEAL_BODY_LABEL,
  APPEAL_KIND_LABEL,
  APPEAL_RESULT_LABEL,
  currentResult,
} from '../../domain/appeals/index.ts';
import type { StoredAppealCase } from '../../persistence/repositories/appeal-case.repository.ts';

/** A case as the API presents it: the record with its labels and its result now (尚未审结 while pending). */
export interface AppealView extends StoredAppealCase {
  kindLabel: string;
  bodyLabel: string;
  status: AppealResult;
  statusLabel: string;
  /** the linked application's 查询码, when linked */
  applicationTrackingCode: string | null;
}

export function appealView(c: StoredAppealCase, trackingCode: string | null): AppealView {
  const status = currentResult(c);
  return {
    ...c,
    kindLabel: APPEAL_KIND_LABEL[c.kind],
    bodyLabel: APPEAL_BODY_LABEL[c.kind],
    status,
    statusLabel: APPEAL_RESULT_LABEL[status],
    applicationTrackingCode: trackingCode,
  };
}
