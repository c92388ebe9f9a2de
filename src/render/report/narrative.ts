import type { AnnualReport, Narrative } from '../../domain/report/index.ts';
import { SECTION_HEADINGS } from '../../domain/report/index.ts';
import { reportLayouts } from './layout/index.ts';
import type { TableLayout } from './layout/index.ts';

/**
 * The narrative as the renderers print it: paragraphs split on newlines; a paragraph opening with a
 * 二级标题 （一）… is that heading when short, or starts with it as a lead-in (GB/T 9704 practice: the heading
 * in 楷体, the text running on in 仿宋).
 */
export type NarrativeBlock =
  { kind: 'heading'; text: string } | { kind: 'paragraph'; lead: string; text: string };

const SUBHEADING = /^（[一二三四五六七八九十]+）/;
const MAX_HEADING = 30;

export function narrativeBlocks(text: string | undefined): NarrativeBlock[] {
  if (!text) return [];
  const blocks: NarrativeBlock[] = [];
  for (const line of text.split(/\r?\n/)) {
    const paragraph = line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    if (!paragraph) continue;
    if (!SUBHEADING.test(paragraph)) {
      blocks.push({ kind: 'paragraph', lead: '', text: paragraph });
      continue;
    }
    const stop = paragraph.search(/[。：:]/);
    if (paragraph.length <= MAX_HEADING && (stop < 0 || stop === paragraph.length - 1))
      blocks.push({ kind: 'heading', text: paragraph });
    else if (stop > 0 && stop < MAX_HEADING)
      blocks.push({ kind: 'paragraph', lead: paragraph.slice(0, stop + 1), text: paragraph.slice(stop + 1) });
    else blocks.push({ kind: 'paragraph', lead: '', text: paragraph });
  }
  return blocks;
}

/** One of the six sections (条例 Art. 50), in order: its heading, its prose, and its table if it has one. */
export interface ReportSection {
  /** 1-based section number */
  number: number;
  heading: string;
  blocks: NarrativeBlock[];
  table: TableLayout | null;
}

const PROSE: readonly (keyof Narrative)[] = [
  'overview',
  'active',
  'requests',
  'appeals',
  'problems',
  'other',
];

export function reportSections(report: AnnualReport): ReportSection[] {
  const [active, requests, appeals] = reportLayouts(report.format);
  const tables = [null, active, requests, appeals, null, null];
  return SECTION_HEADINGS.map((heading, i) => ({
    number: i + 1,
    heading,
    blocks: narrativeBlocks(report.narrative?.[PROSE[i]!]),
    table: tables[i] ?? null,
  }));
}
