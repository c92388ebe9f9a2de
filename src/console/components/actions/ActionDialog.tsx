import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import type { ActionType } from '../../../domain/application/actions.ts';
import { ACTION_LABEL } from '../../../domain/application/actions.ts';
import { LETTER_OF_ACTION } from '../../../domain/letters/letter-of-action.ts';
import { api, ApiError } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { ApplicationView } from '../../types.ts';
import { ACTION_SPECS } from './action-specs.tsx';
import { filledOnly } from './letter-extras.ts';
import { fillKeysFor } from './letter-fill-keys.ts';
import { LetterFills } from './LetterFills.tsx';
import { LetterPreview } from './LetterPreview.tsx';

/**
 * One action on an application: a small form, sent with the version the user saw. The server's messages
 * appear at the fields they name; a conflict (someone else acted first) reloads the application.
 */
export function ActionDialog({
  type,
  view,
  onDone,
  onCancel,
  onConflict,
}: {
  type: ActionType;
  view: ApplicationView;
  onDone: (view: ApplicationView) => void;
  onCancel: () => void;
  onConflict: () => void;
}) {
  const spec = ACTION_SPECS[type];
  /** the letter the action sends, if any (one list, shared with the server) */
  const letter = LETTER_OF_ACTION[type];
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fillsOpen, setFillsOpen] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const fills = filledOnly((values.letter as { fills?: unknown } | undefined)?.fills);
      const next = await api<ApplicationView>('POST', `/api/applications/${view.id}/actions`, {
        action: spec.toAction(values),
        version: view.version,
        ...(letter && Object.keys(fills).length > 0 ? { letter: { fills } } : {}),
        ...(spec.applicant?.(values) ? { applicant: spec.applicant(values) } : {}),
      });
      onDone(next);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.field === 'version') onConflict();
      const unplaced = showServerErrors(form, e);
      // a blank required fill-in of the letter: open its panel and say so at the top as well
      if (e instanceof ApiError && e.field?.startsWith('letter.')) {
        setFillsOpen(true);
        setError(e.message);
      } else setError(unplaced);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={ACTION_LABEL[type]}
      okText={ACTION_LABEL[type]}
      cancelText="取消"
      okButtonProps={{ danger: spec.danger ?? false, loading: busy }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={
        type === 'submit_decision' ||
        type === 'review_decision' ||
        type === 'approve_decision' ||
        type === 'send_reply'
          ? 760
          : 600
      }
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={spec.initialValues}
        preserve={false}
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        {spec.body(form, view)}
        {letter && (
          <LetterFills
            kind={letter}
            keys={fillKeysFor(letter, view.application)}
            open={fillsOpen}
            onOpen={setFillsOpen}
          />
        )}
        {type === 'send_reply' && <LetterPreview form={form} applicationId={view.id} kind="reply" />}
      </Form>
    </Modal>
  );
}
