import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CATALOG_ADMIN_ROLES } from '../../../domain/catalog/review.ts';
import { DISCLOSURE_METHOD_LABEL } from '../../../domain/catalog/item.ts';
import { MATTER_AUDIENCE_LABEL } from '../../../domain/catalog/matters.ts';
import { api, errorMessage, upload } from '../../api.ts';
import { DownloadLink } from '../DownloadLink.tsx';
import { LoadError } from '../LoadError.tsx';
import { hasRole, useSession } from '../../session.tsx';
import type { MatterView } from '../../types-catalog.ts';
import { useApi } from '../../use-api.ts';
import { MatterDialog } from './MatterDialog.tsx';

/** The agency's 公开事项: the table, and for 管理员 / 负责人 the starter set, XLSX import, add, edit, remove. */
export function MatterList() {
  const { user } = useSession();
  const { message } = App.useApp();
  const base = `/api/catalog/agencies/${user.agencyId}/matters`;
  const list = useApi<{ matters: MatterView[] }>(base);
  const canEdit = hasRole(user, ...CATALOG_ADMIN_ROLES);
  const [editing, setEditing] = useState<MatterView | null | 'new'>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const added = (r: { added: number; updated: number }) => {
    setResult(`新增 ${r.added} 个事项，更新 ${r.updated} 个事项`);
    list.reload();
  };
  const starter = async () => {
    setError(null);
    try {
      added(await api<{ added: number; updated: number }>('POST', `${base}/starter`, { sector: 'health' }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      added(await upload<{ added: number; updated: number }>(`${base}/import`, file));
    } catch (e) {
      setError(errorMessage(e));
    }
    return false;
  };
  const remove = async (m: MatterView) => {
    try {
      await api('DELETE', `/api/catalog/matters/${m.id}`);
      list.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  if (list.error) return <LoadError message={list.error} onRetry={list.reload} />;
  const matters = list.data?.matters ?? [];
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {canEdit && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增事项
            </Button>
            <Popconfirm
              title="载入卫生健康（医疗卫生）领域起步目录？"
              description="按国办发〔2019〕54号和国家卫生健康委医疗卫生领域基层政务公开标准指引的栏目编制，指引的确切名称未经核对；同名事项将被更新。"
              okText="载入"
              cancelText="取消"
              onConfirm={() => void starter()}
            >
              <Button>载入卫生健康起步目录</Button>
            </Popconfirm>
            <Upload showUploadList={false} accept=".xlsx" beforeUpload={(f) => importFile(f)}>
              <Button icon={<UploadOutlined />}>从 Excel 导入</Button>
            </Upload>
          </>
        )}
        <DownloadLink href={`${base}/export.xlsx`}>导出 Excel</DownloadLink>
        <Typography.Text type="secondary">共 {matters.length} 个事项</Typography.Text>
      </Flex>
      {result && <Alert type="success" showIcon title={result} style={{ marginBottom: 12 }} closable />}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Table<MatterView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={matters}
        pagination={false}
        locale={{ emptyText: '尚未建立标准目录：可载入卫生健康起步目录，或从 Excel 导入' }}
        expandable={{
          expandedRowRender: (m) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              公开内容（要素）：{m.content || '—'}
              <br />
              公开依据：{m.basis || '—'}
              <br />
              公开主体：{m.subject || '—'}；公开渠道和载体：{m.channels || '—'}
            </Typography.Paragraph>
          ),
        }}
        columns={[
          { title: '一级事项', dataIndex: 'level1' },
          { title: '二级事项', dataIndex: 'level2' },
          {
            title: '公开时限',
            render: (_, m) => (
              <>
                {m.timeLimit}
                <br />
                <Typography.Text type="secondary">按 {m.period} 检查</Typography.Text>
              </>
            ),
          },
          { title: '公开对象', render: (_, m) => MATTER_AUDIENCE_LABEL[m.audience] },
          { title: '公开方式', render: (_, m) => DISCLOSURE_METHOD_LABEL[m.method] },
          {
            title: '公开层级',
            render: (_, m) => (
              <>
                {m.county && <Tag>县级</Tag>}
                {m.township && <Tag>乡级</Tag>}
              </>
            ),
          },
          { title: '已归入信息', dataIndex: 'itemCount', align: 'right' },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  render: (_: unknown, m: MatterView) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(m)} aria-label={`修改 ${m.name}`}>
                        修改
                      </Button>
                      <Popconfirm
                        title={`删除事项“${m.name}”？`}
                        okText="删除"
                        cancelText="取消"
                        onConfirm={() => void remove(m)}
                      >
                        <Button size="small" danger aria-label={`删除 ${m.name}`}>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <MatterDialog
        matter={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
