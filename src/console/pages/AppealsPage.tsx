import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, InputNumber, Modal, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import type { AppealKind } from '../../domain/appeals/appeal-case.ts';
import { APPEAL_KIND_LABEL, APPEAL_KINDS } from '../../domain/appeals/appeal-case.ts';
import { api, withQuery } from '../api.ts';
import { AppealDialog } from '../components/appeals/AppealDialog.tsx';
import type { AppealCaseView } from '../components/appeals/appeal-types.ts';
import { AppealsTable4 } from '../components/appeals/AppealsTable4.tsx';
import { EmptyText } from '../components/EmptyText.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { showServerErrors } from '../form-errors.ts';
import { Link } from '../router.tsx';
import { hasRole, useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/** 行政复议、行政诉讼: the case records (each linked to its application) and table 四 counted from them. */
export function AppealsPage() {
  const { user } = useSession();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [kind, setKind] = useState<AppealKind | undefined>();
  const [pending, setPending] = useState(false);
  const [editing, setEditing] = useState<AppealCaseView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AppealCaseView | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const list = useApi<{ appeals: AppealCaseView[] }>(
    withQuery('/api/appeals', { year, kind, pending: pending || null }),
  );
  const canEdit = hasRole(user, 'handler', 'head', 'admin');
  const changed = () => {
    list.reload();
    setRefresh((n) => n + 1);
  };
  const remove = async ({ reason }: { reason: string }) => {
    if (!deleting) return;
    try {
      await api('DELETE', `/api/appeals/${deleting.id}`, {
        reason: reason.trim(),
        version: deleting.version,
      });
      setDeleting(null);
      changed();
    } catch (e) {
      setDeleteError(showServerErrors(form, e));
    }
  };
  return (
    <>
      <PageHeader
        title="行政复议、行政诉讼"
        sub="因政府信息公开工作被申请行政复议、提起行政诉讼的案件（计入年度报告表四，未审结的结转下年）"
        extra={
          canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              登记案件
            </Button>
          )
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} role="search" aria-label="筛选案件">
        <label htmlFor="appeal-year">年度</label>
        <InputNumber
          id="appeal-year"
          min={2008}
          max={2100}
          value={year}
          onChange={(y) => typeof y === 'number' && setYear(y)}
        />
        <Select
          aria-label="案件类型"
          allowClear
          placeholder="案件类型"
          style={{ width: 240 }}
          value={kind}
          onChange={setKind}
          options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABEL[k] }))}
        />
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={pending} onChange={setPending} />
          只看尚未审结
        </label>
      </Flex>
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <Table<AppealCaseView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.appeals ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>本年度没有计入表四的案件</EmptyText> }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '案号', dataIndex: 'caseNumber' },
          { title: '类型', dataIndex: 'kindLabel', width: 200 },
          { title: '复议机关或法院', dataIndex: 'body' },
          { title: '受理（立案）', dataIndex: 'filedOn', width: 112 },
          { title: '审结', dataIndex: 'decidedOn', width: 112, render: (d: string | null) => d ?? '—' },
          { title: '结果', dataIndex: 'statusLabel', width: 100 },
          {
            title: '涉及的申请',
            key: 'app',
            width: 160,
            render: (_, a) =>
              a.applicationId ? (
                <Link to={`/applications/${a.applicationId}`}>{a.applicationTrackingCode}</Link>
              ) : (
                '—'
              ),
          },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  width: 130,
                  render: (_: unknown, a: AppealCaseView) => (
                    <Space>
                      <Button
                        size="small"
                        onClick={() => setEditing(a)}
                        aria-label={`修改案件 ${a.caseNumber}`}
                      >
                        修改
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => {
                          form.resetFields();
                          setDeleteError(null);
                          setDeleting(a);
                        }}
                        aria-label={`删除案件 ${a.caseNumber}`}
                      >
                        删除
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AppealsTable4 year={year} refresh={refresh} />
      {editing && (
        <AppealDialog
          appeal={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
        />
      )}
      {deleting && (
        <Modal
          open
          title={`删除误登记的案件 ${deleting.caseNumber}`}
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onOk={() => form.submit()}
          onCancel={() => setDeleting(null)}
        >
          <Form form={form} layout="vertical" onFinish={remove}>
            {deleteError && (
              <Alert type="error" showIcon role="alert" title={deleteError} style={{ marginBottom: 12 }} />
            )}
            <Form.Item
              label="删除理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '须写明删除的理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
