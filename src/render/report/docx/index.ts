import { Packer } from 'docx';
import type { AnnualReport, Finding } from '../../../domain/report/index.ts';
import { normalizeZip, stripCoreTimestamps } from '../zip.ts';
import { reportDocument } from './document.ts';
import { withChineseFonts } from './fonts.ts';

/**
 * The report as a Word document (GB/T 9704 layout, tables with real merged cells). Deterministic: the same
 * report gives the same bytes (no time stamps in the properties or the zip).
 */
export async function renderReportDocx(
  report: AnnualReport,
  options: { findings?: readonly Finding[] } = {},
): Promise<Buffer> {
  const packed = await Packer.toBuffer(reportDocument(report, options));
  return normalizeZip(packed, {
    'docProps/core.xml': stripCoreTimestamps,
    'word/fontTable.xml': withChineseFonts,
  });
}
