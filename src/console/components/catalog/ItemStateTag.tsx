import { Tag } from 'antd';
import type { ItemState } from '../../../domain/catalog/states.ts';
import { ITEM_STATE_LABEL } from '../../../domain/catalog/states.ts';

const WAITING: ItemState[] = ['in_review', 'secrecy_review', 'awaiting_signoff', 'signed'];

/** 草稿 / 待审核 … / 已发布 in words; waiting states in amber, public in green, the rest grey. */
export function ItemStateTag({ state }: { state: ItemState }) {
  const style = WAITING.includes(state)
    ? { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' }
    : state === 'published'
      ? { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }
      : { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' };
  return <Tag style={style}>{ITEM_STATE_LABEL[state]}</Tag>;
}
