import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { applicantTypeLabel } from '../../domain/application/applicant.ts';
import { api, errorMessage } from '../api.ts';
import type { ApplicantView, ApplicationView } from '../types.ts';

/** 申请人: masked by default; the full data on request, which the server records in the audit log. */
export function ApplicantCard({ view, onRevealed }: { view: ApplicationView; onRevealed?: () => void }) {
  const [revealed, setRevealed] = useState<ApplicantView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const applicant = revealed ?? view.applicant;
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      setRevealed((await api<ApplicationView>('POST', `/api/applications/${view.id}/reveal`)).applicant);
      onRevealed?.();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const organisation = applicant.type !== 'natural';
  return (
    <Card
      title="申请人"
      size="small"
      extra={
        applicant.masked ? (
          <Popconfirm
            title="查看完整个人信息"
            description="查看将记入审计日志，请仅在办理需要时查看。"
            okText="查看"
            cancelText="取消"
            onConfirm={() => void reveal()}
          >
            <Button size="small" icon={<EyeOutlined />} loading={busy}>
              查看完整信息
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => setRevealed(null)}>
            隐藏
          </Button>
        )
      }
    >
      {error && (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={organisation ? '名称' : '姓名'}>{applicant.name}</Descriptions.Item>
        <Descriptions.Item label="类型">{applicantTypeLabel(applicant.type)}</Descriptions.Item>
        {organisation && (
          <Descriptions.Item label="联系人">{applicant.contactPerson ?? '—'}</Descriptions.Item>
        )}
        <Descriptions.Item label={applicant.idKind ?? '证件号码'}>
          <span className="mono">{applicant.idNumber ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="电话">{applicant.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="电子邮箱">{applicant.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="通信地址">
          {applicant.address ?? '—'}
          {applicant.postcode ? `（邮编 ${applicant.postcode}）` : ''}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
