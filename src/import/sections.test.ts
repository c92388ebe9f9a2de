import { describe, expect, it } from 'vitest';
import { validateReport } from '../domain/report/index.ts';
import { parseReportText } from './index.ts';

describe('section headings run into the text (#13 point 6)', () => {
  const text = `某县卫生健康局2020年政府信息公开工作年度报告
一、总体情况本年度，我局认真贯彻条例，全年共收到政府信息公开申请5件，予以公开及部分公开9件。
二、主动公开政府信息情况：本年度新制作规范性文件2件。
三、收到和处理政府信息公开申请情况本年度共收到申请5件。
四、政府信息公开行政复议、行政诉讼情况本年度未发生行政复议。
五、存在的主要问题及改进情况无。
六、其他需要报告的事项无。`;
  const { report, findings } = parseReportText(text);

  it('the narrative is still split into its six sections', () => {
    expect(report.narrative).toMatchObject({
      overview: '本年度，我局认真贯彻条例，全年共收到政府信息公开申请5件，予以公开及部分公开9件。',
      active: '本年度新制作规范性文件2件。',
      requests: '本年度共收到申请5件。',
      appeals: '本年度未发生行政复议。',
      problems: '无。',
      other: '无。',
    });
    expect(findings.filter((f) => f.code === 'import.section.missing')).toEqual([]);
  });

  it('and the narrative checks run on them', () => {
    const codes = validateReport(report).map((f) => f.code);
    expect(codes).toContain('narrative.problems_empty');
    // the tables were not read: no figure is checked against cells that are missing
    expect(codes).not.toContain('narrative.mismatch');
  });
});
