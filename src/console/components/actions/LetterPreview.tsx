import { Alert, Button, Space } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { LetterKind } from '../../../domain/letters/kinds.ts';
import { LETTER_KIND_LABEL } from '../../../domain/letters/kinds.ts';
import { FILL_KEY_SPEC, isFillKey } from '../../../domain/letters/fill-keys.ts';
import { api, errorMessage } from '../../api.ts';
import { LetterFrame } from '../LetterFrame.tsx';
import { filledOnly } from './letter-extras.ts';

interface Preview {
  html: string;
  missing: string[];
  warnings: string[];
}

/** 预览: the letter as it will be sent with the fill-ins typed so far (the 文号 is given when it is sent). */
export function LetterPreview({
  form,
  applicationId,
  kind,
}: {
  form: FormInstance;
  applicationId: number;
  kind: LetterKind;
}) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = async () => {
    setBusy(true);
    setError(null);
    try {
      const fills = filledOnly(form.getFieldValue(['letter', 'fills']));
      setPreview(
        await api<Preview>('POST', `/api/applications/${applicationId}/letters/preview`, { kind, fills }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const label = (k: string) => (isFillKey(k) ? FILL_KEY_SPEC[k].label : k);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={() => void load()} loading={busy}>
        预览{LETTER_KIND_LABEL[kind]}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {preview && preview.missing.length > 0 && (
        <Alert type="warning" showIcon title={`发出前请填写：${preview.missing.map(label).join('、')}`} />
      )}
      {preview && preview.warnings.length > 0 && (
        <Alert type="info" showIcon title="请核对" description={preview.warnings.join('；')} />
      )}
      {preview && <LetterFrame title={`${LETTER_KIND_LABEL[kind]}预览`} html={preview.html} />}
    </Space>
  );
}
