import type { AppealCase, AppealResult } from '../../../domain/appeals/appeal-case.ts';

/** A case as GET /api/appeals presents it (src/services/appeals/views.ts). */
export interface AppealCaseView extends AppealCase {
  version: number;
  createdAt: string;
  updatedAt: string;
  kindLabel: string;
  bodyLabel: string;
  status: AppealResult;
  statusLabel: string;
  applicationTrackingCode: string | null;
}
