import type { Generated } from 'kysely';

/**
 * Tables of 主动公开 (issue 5): the catalog's categories and information items, their attachments and scanner
 * hits, the 索引号 counters, the normative-document register, the yearly figures of table 二 entered from other
 * systems, and the published annual reports. Portable types as in schema.ts (ISO date text, JSON text, 0/1).
 */
export interface CatalogCategoryTable {
  agency_id: number;
  code: string;
  name: string;
  parent_code: string | null;
  /** the 条例 article the category serves */
  article: string | null;
  /** 'rules' | 'normative_documents' | null */
  normative: string | null;
  position: number;
}

/** A rendered portal page (migration 0009): identity, gzip and brotli bodies, keyed by agency and path. */
export interface PortalPageTable {
  agency_id: number;
  /** the path and query the page answers, e.g. /items/12 or /catalog/gzdt?page=2 */
  path: string;
  /** the template version that rendered it */
  template: string;
  etag: string;
  /** HTTP date of the render */
  modified_at: string;
  body: Uint8Array;
  gzip: Uint8Array;
  brotli: Uint8Array;
}

/** Bumped by every change to what an agency's portal shows (pages rendered before it are not stored). */
export interface PortalGenerationTable {
  agency_id: number;
  generation: number;
}

export interface CatalogItemTable {
  id: Generated<number>;
  agency_id: number;
  /** 索引号, assigned at publication; unique */
  index_number: string | null;
  title: string;
  /** 发布机构 */
  publisher: string;
  /** 文号 */
  doc_number: string | null;
  /** 成文日期 */
  written_on: string | null;
  changed_on: string | null;
  /** 施行日期 */
  effective_on: string | null;
  /** 发布日期 */
  published_on: string | null;
  category_code: string;
  /** 主题分类 */
  topic: string | null;
  /** 公开方式: 'proactive' | 'on_request' */
  method: string;
  /** 公开范围: 'full' | 'partial' */
  scope: string;
  /** 内容概述 */
  summary: string;
  body: string;
  state: string;
  state_reason: string | null;
  /** the Art. 26 deadline, fixed when the formation or change date was set */
  publication_due_on: string | null;
  due_provisional: number;
  /** space-separated word tokens of title, 文号, summary, body and attachment text (full-text search) */
  search_tokens: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** the 公开事项 it is filed under (0013) */
  matter_id: number | null;
  /** 'information' | 'interpretation' | 'response' */
  kind: Generated<string>;
  /** the document a 政策解读 explains */
  interprets_item_id: number | null;
  /** 'text' | 'graphic' | 'video' */
  interpretation_form: string | null;
  media_url: string | null;
  /** 回应关切: the concern's source and the day it was raised */
  concern_source: string | null;
  concern_raised_on: string | null;
}

/** 政务公开事项标准目录: one 公开事项 of an agency (0013). */
export interface DisclosureMatterTable {
  id: Generated<number>;
  agency_id: number;
  level1: string;
  level2: string;
  content: string;
  basis: string;
  time_limit: string;
  subject: string;
  channels: string;
  /** 'public' | 'specific' */
  audience: string;
  /** 'proactive' | 'on_request' */
  method: string;
  county: number;
  township: number;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface CatalogAttachmentTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  media_type: string;
  size: number;
  /** the file is stored as dataDir/attachments/<sha256> */
  sha256: string;
  /** text extracted from DOCX / PDF / plain text, for the scanner and search */
  text: string;
  position: number;
  created_at: string;
}

export interface CatalogScanHitTable {
  id: Generated<number>;
  item_id: number;
  /** 'title' | 'body' | 'attachment:<id>' */
  source: string;
  kind: string;
  start_offset: number;
  end_offset: number;
  match_text: string;
  before_text: string;
  after_text: string;
  cleared_by: number | null;
  cleared_at: string | null;
  note: string | null;
}

export interface CatalogIndexCounterTable {
  agency_id: number;
  /** the year the serial counts in (0 for a scheme without {年份}) */
  year: number;
  last_serial: number;
}

export interface NormativeDocumentTable {
  id: Generated<number>;
  agency_id: number;
  /** 'rules' (规章) | 'normative_documents' (行政规范性文件) */
  kind: string;
  title: string;
  doc_number: string | null;
  issued_on: string;
  effective_on: string | null;
  expires_on: string | null;
  published_on: string | null;
  repealed_on: string | null;
  repeal_reason: string | null;
  item_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface YearlyFigureTable {
  agency_id: number;
  year: number;
  /** the table 二 cell, "row.column" (e.g. licensing.decisions) */
  cell: string;
  value: number;
  note: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** Annual reports published to the portal (the report workspace of issue 6 publishes here). Frozen once published. */
export interface PublishedReportTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  title: string;
  /** interchange JSON (gongkai.annual-report/1) */
  report_json: string;
  published_at: string;
  published_by: number | null;
}

export interface CatalogSchema {
  catalog_categories: CatalogCategoryTable;
  catalog_items: CatalogItemTable;
  disclosure_matters: DisclosureMatterTable;
  catalog_attachments: CatalogAttachmentTable;
  catalog_scan_hits: CatalogScanHitTable;
  catalog_index_counters: CatalogIndexCounterTable;
  normative_documents: NormativeDocumentTable;
  yearly_figures: YearlyFigureTable;
  published_reports: PublishedReportTable;
  portal_pages: PortalPageTable;
  portal_generations: PortalGenerationTable;
}
