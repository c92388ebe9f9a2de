import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { ROLE_LABEL } from '../../../domain/access/roles.ts';
import { useApi } from '../../use-api.ts';
import { LoadError } from '../LoadError.tsx';
import type { StaffAccount } from './UserDialog.tsx';
import { UserDialog } from './UserDialog.tsx';
import { EmptyText } from '../EmptyText.tsx';

/** 工作人员账号 of the agency and their roles (登记员、承办人、审核人、负责人、管理员 …). */
export function UsersAdmin() {
  const users = useApi<StaffAccount[]>('/api/admin/users');
  const [editing, setEditing] = useState<StaffAccount | 'new' | null>(null);
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建账号
        </Button>
      </Flex>
      {users.error && <LoadError message={users.error} onRetry={users.reload} />}
      <Table<StaffAccount>
        rowKey="id"
        size="middle"
        loading={users.loading}
        dataSource={users.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyText>暂无账号</EmptyText> }}
        columns={[
          { title: '用户名', dataIndex: 'username', className: 'mono' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '所在科室', dataIndex: 'department', render: (d: string | null) => d ?? '—' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (roles: StaffAccount['roles']) => roles.map((r) => <Tag key={r}>{ROLE_LABEL[r]}</Tag>),
          },
          {
            title: '状态',
            key: 'status',
            render: (_, u) =>
              u.disabled
                ? '已停用'
                : u.loginLock
                  ? `${u.loginLock.clients} 个地址暂停登录至 ${new Date(u.loginLock.until).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`
                  : '正常',
          },
          {
            title: '操作',
            key: 'edit',
            width: 90,
            render: (_, u) => (
              <Button size="small" onClick={() => setEditing(u)} aria-label={`修改账号 ${u.username}`}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <UserDialog
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            users.reload();
          }}
        />
      )}
    </>
  );
}
