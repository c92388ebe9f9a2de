import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../api.ts';
import { showServerErrors } from '../form-errors.ts';
import type { ApplicationView, CosignEntry, CosignList } from '../types.ts';
import { useApi } from '../use-api.ts';
import { chinaTime } from './EventTimeline.tsx';
import { remindersChanged } from './ReminderBadge.tsx';
import { BLUE, GREY, GREEN, ORANGE, RED } from './tones.ts';

const STATUS_TONE: Record<CosignEntry['status'], typeof BLUE> = {
  pending: BLUE,
  overdue: RED,
  answered: GREEN,
  answered_late: ORANGE,
  withdrawn: GREY,
};

interface OpenValues {
  question: string;
  departments: { department?: string; workingDays?: number }[];
}

/**
 * 内部会签 (issue 12 point 2): the departments asked on this case, each with its due date and answer; the
 * handler opens 会签 (one or more departments, each its own period in working days inside the reply period), a
 * member of the department answers, or the handler records an answer given outside the console. The reply
 * period runs on meanwhile — said on the card and in the dialog.
 */
export function CosignCard({ view, onChanged }: { view: ApplicationView; onChanged: () => void }) {
  const { message } = App.useApp();
  const list = useApi<CosignList>(`/api/applications/${view.id}/cosigns`);
  const [opening, setOpening] = useState(false);
  const [answering, setAnswering] = useState<CosignEntry | null>(null);
  const [withdrawing, setWithdrawing] = useState<CosignEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openForm] = Form.useForm<OpenValues>();
  const [answerForm] = Form.useForm<{ opinion: string; answererName?: string }>();
  const [withdrawForm] = Form.useForm<{ reason: string }>();
  const data = list.data;
  const replyDue = view.application.deadlines.reply?.date ?? null;
  const done = (next: CosignList, text: string) => {
    list.set(next);
    onChanged();
    remindersChanged();
    void message.success(text);
  };
  const open = async (v: OpenValues) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api<CosignList>('POST', `/api/applications/${view.id}/cosigns`, {
        question: v.question,
        departments: v.departments.map((d) => ({
          department: d.department ?? '',
          workingDays: d.workingDays ?? null,
        })),
      });
      setOpening(false);
      done(next, `已向${v.departments.map((d) => d.department).join('、')}发起会签`);
    } catch (e) {
      setError(showServerErrors(openForm, e));
    } finally {
      setBusy(false);
    }
  };
  const answer = async (v: { opinion: string; answererName?: string }) => {
    if (!answering) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api<CosignList>(
        'POST',
        `/api/applications/${view.id}/cosigns/${answering.id}/answer`,
        { opinion: v.opinion, answererName: v.answererName ?? null },
      );
      setAnswering(null);
      done(next, `${answering.department}的会签意见已登记`);
    } catch (e) {
      setError(showServerErrors(answerForm, e));
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (v: { reason: string }) => {
    if (!withdrawing) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api<CosignList>(
        'POST',
        `/api/applications/${view.id}/cosigns/${withdrawing.id}/withdraw`,
        { reason: v.reason },
      );
      setWithdrawing(null);
      done(next, `${withdrawing.department}的会签已撤回`);
    } catch (e) {
      setError(showServerErrors(withdrawForm, e));
    } finally {
      setBusy(false);
    }
  };
  const onBehalf = answering !== null && data?.myDepartment !== answering.department;
  return (
    <Card
      size="small"
      title="内部会签"
      data-testid="cosign-card"
      extra={
        data?.mayOpen && (
          <Button
            size="small"
            onClick={() => {
              setError(null);
              setOpening(true);
            }}
          >
            发起会签
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {data?.rule ?? '内部会签不中止答复期限'}
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      {data && data.cosigns.length === 0 && <Typography.Text type="secondary">未发起会签</Typography.Text>}
      {data && data.cosigns.length > 0 && (
        <List
          size="small"
          dataSource={data.cosigns}
          renderItem={(c) => (
            <List.Item data-testid="cosign-item" style={{ display: 'block', paddingInline: 0 }}>
              <Space wrap size={4}>
                <strong>{c.department}</strong>
                <Tag style={STATUS_TONE[c.status]}>{c.statusLabel}</Tag>
                <span>会签期限 {c.dueOn}</span>
                {c.mayAnswer && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setError(null);
                      setAnswering(c);
                    }}
                  >
                    {data.myDepartment === c.department ? '答复会签' : '登记答复'}
                  </Button>
                )}
                {c.mayWithdraw && (
                  <Button
                    size="small"
                    onClick={() => {
                      setError(null);
                      setWithdrawing(c);
                    }}
                  >
                    撤回
                  </Button>
                )}
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {c.openedOn} {c.openedByName}发起：
                </Typography.Text>
                {c.question}
              </div>
              {c.answer && (
                <div data-testid="cosign-answer">
                  会签意见：{c.answer.opinion}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {c.answer.answeredOn} {c.answer.answererName}答复
                    {c.answer.onBehalf ? `（${c.recordedByName ?? ''}代为登记）` : ''}
                  </Typography.Text>
                </div>
              )}
              {c.withdrawal && (
                <div data-testid="cosign-withdrawal">
                  撤回理由：{c.withdrawal.reason}
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {chinaTime(c.withdrawal.withdrawnAt)} {c.withdrawnByName ?? ''}撤回
                  </Typography.Text>
                </div>
              )}
            </List.Item>
          )}
        />
      )}
      <Modal
        title="发起内部会签"
        open={opening}
        okText="发起会签"
        cancelText="取消"
        onOk={() => openForm.submit()}
        onCancel={() => setOpening(false)}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`内部会签不中止答复期限：本申请的答复期限为 ${replyDue ?? '—'}，各科室的会签期限按工作日计算，须在此之前。只有征求第三方意见的时间不计算在答复期限内（条例第三十二条）。`}
        />
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={openForm}
          layout="vertical"
          onFinish={(v) => void open(v)}
          preserve={false}
          initialValues={{ departments: [{ workingDays: 5 }] }}
        >
          <Form.Item
            label="会签事项"
            name="question"
            rules={[{ required: true, whitespace: true, message: '请写明会签事项' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} showCount />
          </Form.Item>
          <Form.List name="departments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item
                      name={[f.name, 'department']}
                      label={i === 0 ? '会签科室' : undefined}
                      rules={[{ required: true, message: '请选择科室' }]}
                    >
                      <Select
                        aria-label={`会签科室 ${i + 1}`}
                        style={{ width: 160 }}
                        options={(data?.departments ?? []).map((d) => ({ value: d, label: d }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'workingDays']}
                      label={i === 0 ? '会签期限（工作日）' : undefined}
                      rules={[{ required: true, message: '请填写工作日数' }]}
                    >
                      <InputNumber
                        aria-label={`会签期限（工作日） ${i + 1}`}
                        min={1}
                        max={20}
                        precision={0}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        aria-label={`移除第 ${i + 1} 个科室`}
                        style={{ marginTop: i === 0 ? 30 : 0 }}
                        onClick={() => remove(f.name)}
                      >
                        移除
                      </Button>
                    )}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ workingDays: 5 })} block>
                  添加科室
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      <Modal
        title={answering ? `${onBehalf ? '登记' : ''}${answering.department}的会签意见` : ''}
        open={answering !== null}
        okText="提交会签意见"
        cancelText="取消"
        onOk={() => answerForm.submit()}
        onCancel={() => setAnswering(null)}
        okButtonProps={{ loading: busy }}
        destroyOnHidden
      >
        {answering && (
          <Typography.Paragraph>
            会签事项：{answering.question}（会签期限 {answering.dueOn}）
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form form={answerForm} layout="vertical" onFinish={(v) => void answer(v)} preserve={false}>
          <Form.Item
            label="会签意见"
            name="opinion"
            rules={[{ required: true, whitespace: true, message: '请填写会签意见' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
          {onBehalf && (
            <Form.Item
              label="答复人"
              name="answererName"
              extra="代为登记在系统外（电话、纸质）收到的答复时，写明答复人"
              rules={[{ required: true, whitespace: true, message: '请写明答复人' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        title={withdrawing ? `撤回${withdrawing.department}的会签` : ''}
        open={withdrawing !== null}
        okText="撤回会签"
        cancelText="取消"
        onOk={() => withdrawForm.submit()}
        onCancel={() => setWithdrawing(null)}
        okButtonProps={{ loading: busy, danger: true }}
        destroyOnHidden
      >
        {withdrawing && (
          <Typography.Paragraph>
            会签事项：{withdrawing.question}（会签期限 {withdrawing.dueOn}
            ）。撤回后该科室不能再答复，也不再提醒。
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        <Form form={withdrawForm} layout="vertical" onFinish={(v) => void withdraw(v)} preserve={false}>
          <Form.Item
            label="撤回理由"
            name="reason"
            rules={[{ required: true, whitespace: true, message: '请填写撤回理由' }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
