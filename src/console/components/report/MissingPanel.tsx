import { Alert, Collapse, List, Tag } from 'antd';
import type { ReportGap } from '../../../domain/report-workspace/completeness.ts';
import { REPORT_GAP_LABEL } from '../../../domain/report-workspace/completeness.ts';

/**
 * 待完成事项: what stops the report being submitted, cleared or published (〔待填〕, empty sections, blank
 * cells, errors), listed whole so the author can work through it; nothing shown once the report is finished.
 */
export function MissingPanel({ missing }: { missing: ReportGap[] }) {
  if (missing.length === 0) return null;
  const blank = missing.filter((g) => g.kind === 'blank_cell');
  const others = missing.filter((g) => g.kind !== 'blank_cell');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="report-missing"
      title={`报告尚未完成：还有 ${missing.length} 项待完成，完成前不能报送、审核通过或公开`}
      description={
        <>
          <List
            size="small"
            dataSource={others}
            renderItem={(g) => (
              <List.Item>
                <span>
                  <Tag>{REPORT_GAP_LABEL[g.kind]}</Tag>
                  {g.message}
                </span>
              </List.Item>
            )}
          />
          {blank.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'blank',
                  label: `空白单元格 ${blank.length} 个（数量为零应填写“0”）`,
                  children: (
                    <List
                      size="small"
                      dataSource={blank}
                      renderItem={(g) => <List.Item>{g.message}</List.Item>}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      }
    />
  );
}
