import { Alert, Checkbox, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import type { Role } from '../../../domain/access/roles.ts';
import { ROLE_LABEL, ROLES } from '../../../domain/access/roles.ts';
import { api } from '../../api.ts';
import { showServerErrors } from '../../form-errors.ts';
import type { Department } from '../../types.ts';
import { useApi } from '../../use-api.ts';

export interface StaffAccount {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  /** the clients (addresses) this username is locked for now after failed logins, until the latest lock ends */
  loginLock: { clients: number; until: string } | null;
  email: string | null;
  /** 所在科室 (会签) */
  department: string | null;
}

/** New account, or change of name, roles, disabled, password (管理员). */
export function UserDialog({
  user,
  onClose,
  onSaved,
}: {
  user: StaffAccount | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const departments = useApi<Department[]>('/api/departments');
  const save = async (v: {
    username?: string;
    displayName: string;
    roles: Role[];
    password?: string;
    disabled?: boolean;
    email?: string;
    department?: string | null;
  }) => {
    setBusy(true);
    setError(null);
    try {
      if (user)
        await api('PATCH', `/api/admin/users/${user.id}`, {
          displayName: v.displayName,
          roles: v.roles,
          disabled: v.disabled ?? false,
          email: v.email?.trim() || null,
          department: v.department ?? null,
          ...(v.password ? { password: v.password } : {}),
        });
      else
        await api('POST', '/api/admin/users', {
          ...v,
          disabled: undefined,
          email: v.email?.trim() || null,
          department: v.department ?? null,
        });
      onSaved();
    } catch (e) {
      setError(showServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={user ? `修改账号 ${user.username}` : '新建账号'}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          user
            ? {
                displayName: user.displayName,
                roles: user.roles,
                disabled: user.disabled,
                email: user.email ?? '',
                department: user.department ?? undefined,
              }
            : { roles: [] }
        }
      >
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
        {!user && (
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '姓名不能为空' }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="电子邮箱" name="email" extra="每日待办提醒发送到此地址；留空则只在工作台提示">
          <Input type="email" maxLength={254} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="所在科室"
          name="department"
          extra="向该科室发起的内部会签由本人答复；科室名单在“机关设置”中维护"
        >
          <Select
            aria-label="所在科室"
            allowClear
            placeholder="不属于任何科室"
            options={(departments.data ?? []).map((d) => ({ value: d.name, label: d.name }))}
          />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: '至少选择一个角色' }]}>
          <Checkbox.Group options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
        </Form.Item>
        <Form.Item
          label={user ? '重置密码（不改请留空）' : '初始密码'}
          name="password"
          rules={user ? [] : [{ required: true, message: '请设置初始密码' }]}
          extra="至少 10 位，须同时包含字母和数字"
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        {user && (
          <Form.Item label="停用账号" name="disabled" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
