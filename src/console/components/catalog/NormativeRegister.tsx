import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { NormativeKind } from '../../../domain/catalog/categories.ts';
import { NORMATIVE_KIND_LABEL } from '../../../domain/catalog/categories.ts';
import type { NormativeDocument, NormativeStatus } from '../../../domain/catalog/normative.ts';
import { NORMATIVE_STATUS_LABEL, NORMATIVE_STATUSES } from '../../../domain/catalog/normative.ts';
import { CATALOG_ADMIN_ROLES, EDITOR_ROLES } from '../../../domain/catalog/review.ts';
import { api, withQuery } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import { Link } from '../../router.tsx';
import { hasRole, useSession } from '../../session.tsx';
import { useApi } from '../../use-api.ts';
import { EmptyText } from '../EmptyText.tsx';
import { LoadError } from '../LoadError.tsx';
import { NormativeDialog } from './NormativeDialog.tsx';

type NormativeView = NormativeDocument & { status: NormativeStatus | null; statusLabel: string | null };

/** 规章和行政规范性文件台账: 制发 → 现行有效 → 废止, which yields table 二's 第二十条第（一）项 counts. */
export function NormativeRegister() {
  const { user } = useSession();
  const [kind, setKind] = useState<NormativeKind | undefined>();
  const [status, setStatus] = useState<NormativeStatus | undefined>();
  const [adding, setAdding] = useState(false);
  const [repealing, setRepealing] = useState<NormativeView | null>(null);
  const [form] = Form.useForm<{ repealedOn: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const list = useApi<{ documents: NormativeView[] }>(
    withQuery(`/api/catalog/agencies/${user.agencyId}/normative-documents`, { kind, status }),
  );
  const canAdd = hasRole(user, ...EDITOR_ROLES, ...CATALOG_ADMIN_ROLES);
  const repeal = async (v: { repealedOn: Dayjs; reason: string }) => {
    if (!repealing) return;
    try {
      await api('POST', `/api/catalog/normative-documents/${repealing.id}/repeal`, {
        repealedOn: v.repealedOn.format('YYYY-MM-DD'),
        reason: v.reason.trim(),
      });
      setRepealing(null);
      list.reload();
    } catch (e) {
      setError(showServerErrors(form, e));
    }
  };
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Flex gap={8} role="search" aria-label="筛选文件">
          <Select
            aria-label="类别"
            allowClear
            placeholder="类别"
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={(['rules', 'normative_documents'] as const).map((k) => ({
              value: k,
              label: NORMATIVE_KIND_LABEL[k],
            }))}
          />
          <Select
            aria-label="状态"
            allowClear
            placeholder="状态"
            style={{ width: 180 }}
            value={status}
            onChange={setStatus}
            options={NORMATIVE_STATUSES.map((s) => ({ value: s, label: NORMATIVE_STATUS_LABEL[s] }))}
          />
        </Flex>
        {canAdd && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            登记文件
          </Button>
        )}
      </Flex>
      {list.error && <LoadError message={list.error} onRetry={list.reload} />}
      <Table<NormativeView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.documents ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyText>没有规章或行政规范性文件</EmptyText> }}
        columns={[
          {
            title: '名称',
            dataIndex: 'title',
            render: (t: string, d) => (d.itemId ? <Link to={`/catalog/items/${d.itemId}`}>{t}</Link> : t),
          },
          { title: '文号', dataIndex: 'docNumber', render: (n: string | null) => n ?? '—' },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 130,
            render: (k: NormativeKind) => NORMATIVE_KIND_LABEL[k],
          },
          { title: '制发', dataIndex: 'issuedOn', width: 106 },
          { title: '施行', dataIndex: 'effectiveOn', width: 106, render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'statusLabel',
            width: 150,
            render: (v: string | null, d) => (d.repealedOn ? `${v}（${d.repealedOn}）` : (v ?? '—')),
          },
          {
            title: '操作',
            key: 'repeal',
            width: 90,
            render: (_, d) =>
              !d.repealedOn && !d.itemId && canAdd ? (
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    form.resetFields();
                    setError(null);
                    setRepealing(d);
                  }}
                  aria-label={`废止 ${d.title}`}
                >
                  废止
                </Button>
              ) : null,
          },
        ]}
      />
      {adding && (
        <NormativeDialog
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            list.reload();
          }}
        />
      )}
      {repealing && (
        <Modal
          open
          title={`废止：${repealing.title}`}
          okText="废止"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onOk={() => form.submit()}
          onCancel={() => setRepealing(null)}
        >
          <Form form={form} layout="vertical" onFinish={repeal}>
            {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
            <Form.Item
              label="废止日期"
              name="repealedOn"
              rules={[{ required: true, message: '请选择废止日期' }]}
            >
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
            <Form.Item
              label="废止理由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请写明废止理由' }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
