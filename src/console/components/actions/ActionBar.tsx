import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ActionType } from '../../../domain/application/actions.ts';
import { ACTION_LABEL } from '../../../domain/application/actions.ts';
import type { ApplicationView } from '../../types.ts';
import { ACTION_SPECS } from './action-specs.tsx';
import { ActionDialog } from './ActionDialog.tsx';

/**
 * The actions the application's state allows for the user's roles (the server's `availableActions`), one
 * button each; the first step of the ordinary course is the primary button.
 */
export function ActionBar({
  view,
  onChanged,
  onConflict,
}: {
  view: ApplicationView;
  onChanged: (view: ApplicationView) => void;
  onConflict: () => void;
}) {
  const [open, setOpen] = useState<ActionType | null>(null);
  const actions = view.availableActions;
  if (actions.length === 0)
    return <Typography.Text type="secondary">当前状态下您的角色没有可办理的操作</Typography.Text>;
  const primary = actions.find((a) => ACTION_SPECS[a].forward);
  return (
    <>
      <Space wrap aria-label="办理操作">
        {actions.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={ACTION_SPECS[a].danger ?? false}
            onClick={() => setOpen(a)}
          >
            {ACTION_LABEL[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionDialog
          type={open}
          view={view}
          onCancel={() => setOpen(null)}
          onConflict={onConflict}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      )}
    </>
  );
}
