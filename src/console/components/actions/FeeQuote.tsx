import { Alert, Typography } from 'antd';
import type { FeeAssessment } from '../../../domain/application/fees.ts';
import { FEE_BASIS, FEE_METHOD, feeBreakdown } from '../../../domain/application/fees.ts';

/** A computed 信息处理费 with its bands, as the 收费通知书 will print it (the form keeps it as `assessment`). */
export function FeeQuote({ value }: { value?: FeeAssessment | null }) {
  if (!value) return <Typography.Text type="secondary">请选择收费方式并测算。</Typography.Text>;
  return (
    <Alert
      type={value.amount > 0 ? 'info' : 'success'}
      title={
        value.amount > 0
          ? `${FEE_METHOD[value.method].label}：应收 ${value.amount} 元（${FEE_BASIS}）`
          : '在免费范围内，不收取信息处理费，无需发出收费通知'
      }
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {feeBreakdown(value).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  );
}
