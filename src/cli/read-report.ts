import { readFile } from 'node:fs/promises';
import type { AnnualReport, Finding } from '../domain/report/index.ts';
import { decodeReport } from '../domain/report/index.ts';

/** Reads a report JSON file; a file that cannot be read or parsed is an Error with a Chinese message. */
export async function readReportFile(path: string): Promise<{ report: AnnualReport; findings: Finding[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`无法读取文件 ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${path} 不是有效的 JSON：${error instanceof Error ? error.message : String(error)}`);
  }
  const { report, findings } = decodeReport(json);
  if (!report) throw new Error(`${path}：${findings.map((f) => f.message).join('；')}`);
  return { report, findings };
}
