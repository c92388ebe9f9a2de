import { Alert, Card, Empty, List, Tag, Typography } from 'antd';
import type { Finding } from '../../../domain/report/finding.ts';
import { SEVERITY_LABEL } from '../../../render/report/findings.ts';

const WHERE: Record<Finding['location']['table'], string> = {
  active: '表二',
  requests: '表三',
  appeals: '表四',
  narrative: '正文',
  format: '格式',
  meta: '基本信息',
};

/** 核对结果: the validator's findings, errors first; the narrative's own beside the editor. */
export function FindingsPanel({
  findings,
  blocking,
  only,
}: {
  findings: Finding[];
  blocking: number;
  only?: Finding['location']['table'];
}) {
  const shown = [...(only ? findings.filter((f) => f.location.table === only) : findings)].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  return (
    <Card title={only === 'narrative' ? '正文核对结果' : '核对结果'} size="small" data-testid="findings">
      {blocking > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${blocking} 个错误须改正后才能报送或公开`}
        />
      )}
      {shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={only === 'narrative' ? '正文引用的数字与表格一致' : '未发现问题'}
        />
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(f) => (
            <List.Item>
              <div>
                <Tag
                  style={
                    f.severity === 'error'
                      ? { color: '#fff', background: '#a8071a', borderColor: '#a8071a' }
                      : { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }
                  }
                >
                  {SEVERITY_LABEL[f.severity]}
                </Tag>
                <Typography.Text type="secondary">{WHERE[f.location.table]}</Typography.Text>
                <div>{f.message}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
