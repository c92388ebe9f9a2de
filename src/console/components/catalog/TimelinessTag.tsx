import { Tag, Tooltip } from 'antd';
import type { Timeliness } from '../../../domain/catalog/lateness.ts';
import { PUBLICATION_PERIOD_WORKING_DAYS, TIMELINESS_LABEL } from '../../../domain/catalog/lateness.ts';

const STYLE: Record<Timeliness, { color: string; background: string; borderColor: string }> = {
  overdue: { color: '#fff', background: '#a8071a', borderColor: '#a8071a' },
  late: { color: '#fff', background: '#ad4e00', borderColor: '#ad4e00' },
  pending: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  on_time: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  unknown: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** 条例第二十六条: published within 20 working days of being formed or changed — the flag in words and colour. */
export function TimelinessTag({ timeliness, dueOn }: { timeliness: Timeliness; dueOn: string | null }) {
  return (
    <Tooltip
      title={`条例第二十六条：自该信息形成或者变更之日起 ${PUBLICATION_PERIOD_WORKING_DAYS} 个工作日内公开${dueOn ? `，期限 ${dueOn}` : ''}`}
    >
      <Tag style={STYLE[timeliness]}>
        {TIMELINESS_LABEL[timeliness]}
        {dueOn && timeliness === 'pending' ? `（${dueOn} 前）` : ''}
      </Tag>
    </Tooltip>
  );
}
