import { Button, Flex, Input, InputNumber, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { APPLICANT_TYPES, applicantTypeLabel } from '../../domain/application/applicant.ts';
import type { DueStatus } from '../../domain/application/due-status.ts';
import { DUE_STATUS_LABEL, DUE_STATUSES } from '../../domain/application/due-status.ts';
import type { ApplicationState } from '../../domain/application/states.ts';
import { APPLICATION_STATES, STATE_LABEL } from '../../domain/application/states.ts';
import type { Assignee } from '../types.ts';

export interface InboxFilter {
  state: ApplicationState[];
  due: DueStatus | null;
  applicantType: string | null;
  year: number | null;
  q: string;
  open: boolean;
  /** 承办人: a user id, 'none' (未分办), or null (everyone) */
  assignee: string | null;
}

/** Filters of the inbox: state, due status, applicant type, year, open only, and a search. */
export function InboxFilters({
  value,
  onChange,
  assignees = [],
}: {
  value: InboxFilter;
  onChange: (f: InboxFilter) => void;
  assignees?: Assignee[];
}) {
  const [q, setQ] = useState(value.q);
  useEffect(() => setQ(value.q), [value.q]);
  const set = (patch: Partial<InboxFilter>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} role="search" aria-label="筛选申请">
      <Input.Search
        aria-label="搜索申请"
        placeholder="查询码、申请人或申请内容"
        allowClear
        style={{ width: 260 }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(text) => set({ q: text.trim() })}
        enterButton="搜索"
      />
      <Select
        aria-label="办理状态"
        mode="multiple"
        allowClear
        placeholder="办理状态"
        style={{ minWidth: 160, maxWidth: 320 }}
        value={value.state}
        onChange={(state: ApplicationState[]) => set({ state })}
        options={APPLICATION_STATES.map((s) => ({ value: s, label: STATE_LABEL[s] }))}
        maxTagCount="responsive"
      />
      <Select
        aria-label="期限状态"
        allowClear
        placeholder="期限状态"
        style={{ width: 120 }}
        value={value.due}
        onChange={(due: DueStatus | undefined) => set({ due: due ?? null })}
        options={DUE_STATUSES.map((s) => ({ value: s, label: DUE_STATUS_LABEL[s] }))}
      />
      <Select
        aria-label="申请人类型"
        allowClear
        placeholder="申请人类型"
        style={{ width: 200 }}
        value={value.applicantType}
        onChange={(t: string | undefined) => set({ applicantType: t ?? null })}
        options={APPLICANT_TYPES.map((t) => ({ value: t, label: applicantTypeLabel(t) }))}
      />
      <Select
        aria-label="承办人"
        allowClear
        placeholder="承办人"
        style={{ width: 130 }}
        value={value.assignee}
        onChange={(a: string | undefined) => set({ assignee: a ?? null })}
        options={[
          { value: 'none', label: '未分办' },
          ...assignees.map((a) => ({ value: String(a.id), label: a.name })),
        ]}
      />
      <InputNumber
        aria-label="收到申请年度"
        placeholder="年度"
        min={2008}
        max={2100}
        style={{ width: 96 }}
        value={value.year}
        onChange={(year) => set({ year: typeof year === 'number' ? year : null })}
      />
      <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <Switch size="small" checked={value.open} onChange={(open) => set({ open })} />
        只看未办结
      </label>
      <Button
        type="link"
        onClick={() =>
          onChange({
            state: [],
            due: null,
            applicantType: null,
            year: null,
            q: '',
            open: true,
            assignee: null,
          })
        }
      >
        清除筛选
      </Button>
    </Flex>
  );
}
