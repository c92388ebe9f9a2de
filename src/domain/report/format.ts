/**
 * The two statutory layouts of the annual report (STATUTE.md §1).
 * - '2019': 国办公开办函〔2019〕60号 (试行), used for the 2019 and 2020 reports.
 * - '2021': 国办公开办函〔2021〕30号, used from the 2021 reports on.
 */
export const REPORT_FORMATS = ['2019', '2021'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FORMAT_DOCUMENT: Record<ReportFormat, string> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

/** The layout the law prescribes for a report year: ≤ 2020 → 2019 format, ≥ 2021 → 2021 format. */
export function formatForYear(year: number): ReportFormat {
  return year <= 2020 ? '2019' : '2021';
}

export function isReportFormat(value: unknown): value is ReportFormat {
  return value === '2019' || value === '2021';
}

/** The six sections of the report, in order (条例 Art. 50). */
export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** The title every report carries after the agency name: “XX 2025年政府信息公开工作年度报告”. */
export function reportTitle(agency: string | null, year: number | null): string {
  return `${agency ?? ''}${year ?? '    '}年政府信息公开工作年度报告`;
}
