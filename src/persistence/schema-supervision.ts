import type { Generated } from 'kysely';

/**
 * Supervision (issue 7): the cells of every frozen annual report in normalised form (written with the freeze, so
 * a rollup over a subtree is one SQL aggregate), the reports pre-filled from a rollup (left out of later rollups,
 * which would count them twice), and the read-only API tokens of supervising agencies. Portable types as in
 * schema.ts.
 */
export interface ReportCellTable {
  report_id: number;
  /** 'active' | 'requests' | 'appeals' (table 二 / 三 / 四) */
  tbl: string;
  row_key: string;
  col_key: string;
  /** blank cells are not stored */
  value: number;
}

export interface SupervisionRollupTable {
  /** the 本级人民政府's report pre-filled from the rollup (removed when it is unfrozen) */
  report_id: number;
  /** the agency whose subtree was summed */
  root_agency_id: number;
  year: number;
  format: string;
  /** JSON: the report ids summed */
  sources: string;
  created_by: number | null;
  created_at: string;
}

export interface SupervisionTokenTable {
  id: Generated<number>;
  /** the token reads this agency's subtree */
  agency_id: number;
  name: string;
  /** sha256 of the token (the token itself is shown once, on creation) */
  token_hash: string;
  /** the token's last four characters, to tell tokens apart */
  hint: string;
  created_by: number;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** One bulk upload of a year's reports by a supervising office (0020). */
export interface BulkImportTable {
  id: Generated<number>;
  /** the supervising office's agency: the files are matched to its subtree */
  agency_id: number;
  year: number;
  file_count: number;
  created_by: number;
  created_at: string;
  /** when the last file was read */
  finished_at: string | null;
}

/** One file of a bulk upload: its bytes until read, then what was read (0020). */
export interface BulkImportFileTable {
  id: Generated<number>;
  import_id: number;
  /** the file's place in the upload (1, 2, …) */
  seq: number;
  file_name: string;
  size: number;
  /** sha256 of the bytes, hex: the same file again is recognised */
  sha256: string;
  /** the bytes, cleared once the file is read */
  content: Uint8Array | null;
  /** 'pending' | 'done' */
  status: string;
  /** the lease of the process reading it */
  claimed_until: string | null;
  attempts: Generated<number>;
  /** BulkOutcome once done */
  outcome: string | null;
  /** the agency the file was matched to (or picked for it) */
  agency_id: number | null;
  year: number | null;
  /** JSON: BulkFileResult */
  result: string | null;
  processed_at: string | null;
}

export interface SupervisionSchema {
  bulk_imports: BulkImportTable;
  bulk_import_files: BulkImportFileTable;
  report_cells: ReportCellTable;
  supervision_rollups: SupervisionRollupTable;
  supervision_tokens: SupervisionTokenTable;
}
