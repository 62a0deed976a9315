// 账号: the system administrator's list of accounts and their roles; create an account, change its roles,
// disable it or set a new password (which ends its sessions).
import { App, Button, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, sendJson } from '../api/client.ts';
import type { SessionUser } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

type Account = SessionUser & { disabled: boolean; lockedUntil: string | null };
const ROLES = ['admin', 'planOffice', 'clerk', 'reviewer', 'leader', 'public'] as const;
interface RoleForm {
  role: (typeof ROLES)[number];
  region?: string;
  unit?: string;
}
interface AccountForm {
  username: string;
  displayName: string;
  password?: string;
  role: RoleForm['role'];
  region?: string;
  unit?: string;
}

export default function UsersPage({ regions }: { regions: string[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useApi<Account[]>('/api/users');
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [form] = Form.useForm<AccountForm>();
  const role = Form.useWatch('role', form);
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  const open = (a: Account | 'new') => {
    setEditing(a);
    const g = a === 'new' ? undefined : a.roles[0];
    form.setFieldsValue(a === 'new' ? { username: '', displayName: '', password: '', role: 'clerk' } : { username: a.username, displayName: a.displayName, password: '', role: (g?.role ?? 'leader') as RoleForm['role'], region: g?.regionName ?? undefined, unit: g?.unit ?? undefined });
  };
  const save = async () => {
    const v = await form.validateFields();
    const roles = [{ role: v.role, ...(v.region ? { region: v.region } : {}), ...(v.unit ? { unit: v.unit } : {}) }];
    try {
      if (editing === 'new') await sendJson('POST', '/api/users', { username: v.username, displayName: v.displayName, password: v.password, roles });
      else if (editing) await sendJson('PUT', `/api/users/${editing.id}`, { displayName: v.displayName, roles, ...(v.password ? { password: v.password } : {}) });
      message.success(t('users.saved'));
      setEditing(null);
      q.refresh();
    } catch (e) {
      message.error(e instanceof ApiError ? (e.problems[0]?.message ?? e.serverMessage ?? '') : String(e));
    }
  };
  const toggle = async (a: Account, disabled: boolean) => {
    await sendJson('PUT', `/api/users/${a.id}`, { disabled }).catch((e: unknown) => message.error(e instanceof ApiError ? (e.serverMessage ?? '') : String(e)));
    q.reload();
  };
  return (
    <Flex vertical gap={16} data-testid="users-page">
      <Flex align="center" gap={12}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22, flex: 1 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => open('new')} data-testid="users-new">
          {t('users.new')}
        </Button>
      </Flex>
      <Table<Account>
        size="small"
        rowKey="id"
        loading={q.loading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={[
          { title: t('users.col.username'), dataIndex: 'username', width: 160 },
          { title: t('users.col.name'), dataIndex: 'displayName', width: 200 },
          {
            title: t('users.col.roles'),
            key: 'roles',
            render: (_, a) =>
              a.roles.map((g, i) => (
                <Tag key={i}>
                  {t(`users.role.${g.role as RoleForm['role']}`)}
                  {g.regionName ? ` · ${g.regionName}` : ''}
                  {g.unit ? ` · ${g.unit}` : ''}
                </Tag>
              )),
          },
          { title: t('users.col.locked'), dataIndex: 'lockedUntil', width: 170, render: (v: string | null) => (v && v > new Date().toISOString() ? t('users.lockedUntil', { until: v.slice(0, 16).replace('T', ' ') }) : '') },
          { title: t('users.col.enabled'), key: 'enabled', width: 90, render: (_, a) => <Switch size="small" checked={!a.disabled} onChange={(on) => void toggle(a, !on)} /> },
          { title: '', key: 'edit', width: 80, render: (_, a) => <Button size="small" onClick={() => open(a)}>{t('users.edit')}</Button> },
        ]}
      />
      <Modal open={editing !== null} title={editing === 'new' ? t('users.new') : t('users.edit')} onOk={() => void save()} onCancel={() => setEditing(null)} okText={t('users.save')} destroyOnHidden>
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="username" label={t('users.col.username')} rules={[{ required: true, message: t('signIn.required') }]}>
            <Input disabled={editing !== 'new'} autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.col.name')} rules={[{ required: true, message: t('signIn.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label={editing === 'new' ? t('signIn.password') : t('users.newPassword')} rules={editing === 'new' ? [{ required: true, message: t('signIn.required') }] : []} extra={t('signIn.passwordRule')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="role" label={t('users.col.roles')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`users.role.${r}`) }))} />
          </Form.Item>
          {/* an administrator may be held in a region (a district's administrator manages only its accounts) */}
          <Form.Item name="region" label={t('users.region')} rules={role === 'admin' ? [] : [{ required: true, message: t('signIn.required') }]}>
            <Select allowClear={role === 'admin'} placeholder={role === 'admin' ? t('users.regionAll') : undefined} options={regions.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          {role === 'clerk' && (
            <Form.Item name="unit" label={t('users.unit')} rules={[{ required: true, message: t('signIn.required') }]}>
              <Input placeholder={t('users.unitHint')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
