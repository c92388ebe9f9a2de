import { Card, Descriptions, Tag } from 'antd';
import type { MouseEvent } from 'react';
import { INTERPRETATION_FORM_LABEL, ITEM_KIND_LABEL } from '../../../domain/catalog/item-kind.ts';
import { href, navigate } from '../../router.tsx';
import { STATUS_STYLE as INTERPRETATION_STYLE } from '../standards/CoverageTable.tsx';
import { DISCLOSURE_METHOD_LABEL, DISCLOSURE_SCOPE_LABEL } from '../../../domain/catalog/item.ts';
import type { ItemView } from '../../types-catalog.ts';
import { TimelinessTag } from './TimelinessTag.tsx';

/** The metadata block as the portal prints it (索引号、发布机构、文号、成文日期 …), with the Art. 26 deadline. */
const go = (to: string) => (e: MouseEvent) => {
  e.preventDefault();
  navigate(to);
};

export function ItemMeta({ item }: { item: ItemView }) {
  const d = (v: string | null) => v ?? '—';
  return (
    <Card title="元数据" size="small">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="索引号">
          <span className="mono">{item.indexNumber ?? '发布时生成'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="目录分类">{item.categoryPath.join(' / ')}</Descriptions.Item>
        <Descriptions.Item label="发布机构">{item.publisher}</Descriptions.Item>
        <Descriptions.Item label="文号">{d(item.docNumber)}</Descriptions.Item>
        <Descriptions.Item label="成文日期">{d(item.writtenOn)}</Descriptions.Item>
        <Descriptions.Item label="发布日期">{d(item.publishedOn)}</Descriptions.Item>
        {item.changedOn !== null && <Descriptions.Item label="变更日期">{item.changedOn}</Descriptions.Item>}
        {item.effectiveOn !== null && (
          <Descriptions.Item label="施行日期">{item.effectiveOn}</Descriptions.Item>
        )}
        <Descriptions.Item label="主题分类">{d(item.topic)}</Descriptions.Item>
        <Descriptions.Item label="有效性">{item.validityLabel}</Descriptions.Item>
        <Descriptions.Item label="公开方式">{DISCLOSURE_METHOD_LABEL[item.method]}</Descriptions.Item>
        <Descriptions.Item label="公开范围">{DISCLOSURE_SCOPE_LABEL[item.scope]}</Descriptions.Item>
        <Descriptions.Item label="公开时限" span={2}>
          <TimelinessTag timeliness={item.timeliness} dueOn={item.publicationDueOn} />
          {item.dueProvisional ? '（期限暂定）' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="公开事项" span={2}>
          {item.matter
            ? `${item.matter.name}（公开时限：${item.matter.timeLimit}，按${item.matter.period}计）`
            : '未归入标准目录事项（按条例第二十六条 20 个工作日计）'}
        </Descriptions.Item>
        <Descriptions.Item label="信息类型">{ITEM_KIND_LABEL[item.kind]}</Descriptions.Item>
        {item.kind === 'interpretation' && (
          <Descriptions.Item label="解读的文件">
            {item.interprets ? (
              <a
                href={href(`/catalog/items/${item.interprets.id}`)}
                onClick={go(`/catalog/items/${item.interprets.id}`)}
              >
                {item.interprets.title}
              </a>
            ) : (
              '—'
            )}
            {item.interpretationForm ? `（${INTERPRETATION_FORM_LABEL[item.interpretationForm]}）` : ''}
          </Descriptions.Item>
        )}
        {item.kind === 'response' && (
          <Descriptions.Item label="回应的关切">
            {item.concernSource}（{item.concernRaisedOn}）
          </Descriptions.Item>
        )}
        {item.interpretationState !== 'not_needed' && item.kind !== 'interpretation' && (
          <Descriptions.Item label="政策解读" span={2}>
            <span data-testid="interpretation-state">
              <Tag
                style={
                  INTERPRETATION_STYLE[
                    item.interpretationState === 'missing'
                      ? 'gap'
                      : item.interpretationState === 'published'
                        ? 'covered'
                        : 'on_request'
                  ]
                }
              >
                {item.interpretationStateLabel}
              </Tag>
            </span>
            {item.interpretations.map((i) => (
              <a
                key={i.id}
                href={href(`/catalog/items/${i.id}`)}
                onClick={go(`/catalog/items/${i.id}`)}
                style={{ marginRight: 8 }}
              >
                {i.title}
              </a>
            ))}
          </Descriptions.Item>
        )}
        {item.stateReason !== null && (
          <Descriptions.Item label="退回、失效、废止或撤回理由" span={2}>
            {item.stateReason}
          </Descriptions.Item>
        )}
        {item.summary !== '' && (
          <Descriptions.Item label="内容概述" span={2}>
            {item.summary}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
