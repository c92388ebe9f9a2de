import type { ReportFormat } from '../domain/report/index.ts';
import { labelKey } from './normalise.ts';
import type { DocRow } from './types.ts';

/**
 * Which statutory layout the tables follow, from what they print (not from the year: seed 003 is a 2022 report
 * in the 2019 layout). Words only one layout prints count for it.
 */
const MARKERS: Record<ReportFormat, string[]> = {
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增减',
    '其他对外管理服务事项',
    '采购项目数量',
    '采购总金额',
    '政府集中采购',
  ],
  '2021': [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
    '行政规范性文件',
    '逾期不补正',
    '逾期未按收费通知要求缴纳费用',
  ],
};

export interface FormatEvidence {
  format: ReportFormat | null;
  score: Record<ReportFormat, number>;
  /** the markers found, per format, for messages */
  found: Record<ReportFormat, string[]>;
}

export function detectFormat(rows: readonly DocRow[]): FormatEvidence {
  const score: Record<ReportFormat, number> = { '2019': 0, '2021': 0 };
  const found: Record<ReportFormat, string[]> = { '2019': [], '2021': [] };
  for (const row of rows) {
    if (row.prose) continue;
    for (const cell of row.cells) {
      const key = labelKey(cell.text);
      if (key.length < 4) continue;
      for (const format of ['2019', '2021'] as const)
        for (const marker of MARKERS[format])
          if (key.includes(marker)) {
            score[format]++;
            if (!found[format].includes(marker)) found[format].push(marker);
          }
    }
  }
  // 2021 prints 本年处理决定数量 where 2019 prints 处理决定数量: only the longer one is a marker
  const format = score['2019'] > score['2021'] ? '2019' : score['2021'] > score['2019'] ? '2021' : null;
  return { format, score, found };
}
