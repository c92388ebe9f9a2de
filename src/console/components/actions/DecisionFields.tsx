import { Alert, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { Outcome, ReplyType } from '../../../domain/application/decisions.ts';
import { legalBasis, OUTCOME_RULES, OUTCOMES, REPLY_TYPE } from '../../../domain/application/decisions.ts';
import { GROUP_HEADING, requestRowSpec } from '../../../domain/report/table3.ts';
import type { RequestGroup } from '../../../domain/report/table3.ts';

/** The outcomes a handler decides (the （六）1–2 abandonments are reached by the applicant's default). */
const DECIDED = OUTCOMES.filter((o) => OUTCOME_RULES[o].reachedBy === 'decision');

/** Outcome options grouped under the table 三 headings, with the statutory row labels. */
function outcomeOptions() {
  const groups = new Map<string, { label: string; options: { value: Outcome; label: string }[] }>();
  for (const o of DECIDED) {
    const spec = requestRowSpec('2021', o)!;
    const key = spec.group ?? 'top';
    const label = spec.group ? GROUP_HEADING[spec.group as RequestGroup] : '予以公开 / 部分公开';
    if (!groups.has(key)) groups.set(key, { label, options: [] });
    groups.get(key)!.options.push({
      value: o,
      label: spec.group ? `${GROUP_HEADING[spec.group]} ${spec.label}` : spec.label,
    });
  }
  return [...groups.values()];
}
const OPTIONS = outcomeOptions();

/** 答复意见: the outcome (its table 三 row), the Art. 36 reply type it allows, the exemption, the reasons. */
export function DecisionFields({ form }: { form: FormInstance }) {
  const outcome = Form.useWatch(['decision', 'outcome'], form) as Outcome | undefined;
  const replyType = Form.useWatch(['decision', 'replyType'], form) as ReplyType | undefined;
  const rule = outcome ? OUTCOME_RULES[outcome] : null;
  const onOutcome = (o: Outcome) => {
    const types = OUTCOME_RULES[o].replyTypes;
    form.setFieldValue(['decision', 'replyType'], types.length === 1 ? types[0] : undefined);
  };
  return (
    <>
      <Form.Item
        label="办理结果"
        name={['decision', 'outcome']}
        rules={[{ required: true, message: '请选择办理结果' }]}
      >
        <Select options={OPTIONS} onChange={onOutcome} showSearch optionFilterProp="label" listHeight={320} />
      </Form.Item>
      {rule && rule.replyTypes.length > 0 && (
        <Form.Item
          label="答复类型"
          name={['decision', 'replyType']}
          rules={[{ required: true, message: '请选择答复类型' }]}
        >
          <Select
            options={rule.replyTypes.map((t) => ({
              value: t,
              label: `${REPLY_TYPE[t].label}（${REPLY_TYPE[t].article}）`,
            }))}
          />
        </Form.Item>
      )}
      {rule?.exemptionRequired && (
        <Form.Item
          label="不予公开的依据（具体情形和法律依据）"
          name={['decision', 'exemption']}
          rules={[{ required: true, whitespace: true, message: '须写明不予公开所依据的具体情形和法律依据' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
      )}
      {outcome && outcome !== 'granted' && (
        <Form.Item
          label="向申请人说明的理由"
          name={['decision', 'reasons']}
          rules={[{ required: true, whitespace: true, message: '须向申请人说明理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      )}
      {replyType === 'not_responsible' && (
        <Form.Item
          label="负责公开的行政机关及联系方式（能够确定的）"
          name={['decision', 'responsibleAgency']}
        >
          <Input maxLength={200} />
        </Form.Item>
      )}
      {outcome && (
        <Alert
          type={rule?.reconsiderationFirst ? 'warning' : 'info'}
          showIcon
          title={`法律依据：${legalBasis({ outcome, replyType: replyType ?? null }).join('、') || '（在理由中说明）'}`}
          description={
            rule?.reconsiderationFirst
              ? '告知书将载明复议前置：申请人对不予公开决定不服的，应先申请行政复议（行政复议法第二十三条）。'
              : '告知书将载明救济途径：行政复议（60 日）或行政诉讼（6 个月）。'
          }
        />
      )}
    </>
  );
}
