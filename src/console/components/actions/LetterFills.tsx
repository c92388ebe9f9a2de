import { Collapse, Form, Input } from 'antd';
import type { FillKey } from '../../../domain/letters/fill-keys.ts';
import { FILL_KEY_SPEC } from '../../../domain/letters/fill-keys.ts';
import type { LetterKind } from '../../../domain/letters/kinds.ts';
import { LETTER_KIND_LABEL } from '../../../domain/letters/kinds.ts';

/**
 * The editable fill-ins of the letter the action sends (`letter.fills.*`), folded away until needed. Left
 * blank, the agency's own template (系统管理 → 机关设置) or the statutory default applies; a required one that is
 * still blank is named by the server, and the panel opens at it.
 */
export function LetterFills({
  kind,
  keys,
  open,
  onOpen,
}: {
  kind: LetterKind;
  keys: readonly FillKey[];
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  if (keys.length === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      activeKey={open ? ['fills'] : []}
      onChange={(active) => onOpen(active.length > 0)}
      items={[
        {
          key: 'fills',
          forceRender: true,
          label: `${LETTER_KIND_LABEL[kind]}填写项（可选，留空则使用本机关模板）`,
          children: keys.map((key) => (
            <Form.Item
              key={key}
              label={FILL_KEY_SPEC[key].label}
              name={['letter', 'fills', key]}
              extra={FILL_KEY_SPEC[key].hint}
              style={{ marginBottom: 12 }}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          )),
        },
      ]}
    />
  );
}
