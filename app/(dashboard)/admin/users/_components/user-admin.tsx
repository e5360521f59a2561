'use client';

import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { isDepartmentRole } from '../../../../../lib/auth/permissions/role-permissions';
import { ROLE_LABELS, ROLES, type Role } from '../../../../../lib/auth/roles';
import type { RegionSummary } from '../../../../../lib/regions/queries';
import type { UserListRow } from '../../../../../lib/users/list-users';
import { formatTime } from '../../../../../lib/format/shanghai-time';
import { useDepartments } from '../../_components/use-departments';

interface Filter {
  q: string;
  role: Role | null;
  page: number;
}

interface Props {
  users: UserListRow[];
  total: number;
  pageSize: number;
  regions: RegionSummary[];
  currentUserId: number;
  filter: Filter;
}

function hrefOf(pathname: string, filter: Filter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.role) params.set('role', filter.role);
  if (filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

type ApiFailure = { error?: { message?: string; fields?: Record<string, string> } } | null;

async function send(url: string, method: string, body: unknown): Promise<{ ok: boolean; body: ApiFailure & Record<string, unknown> }> {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null);
  const json = response ? await response.json().catch(() => null) : null;
  return { ok: Boolean(response?.ok), body: json ?? { error: { message: '请求失败，请检查网络后重试' } } };
}

const regionOptions = (regions: RegionSummary[]) =>
  regions.map((region) => ({ value: region.code, label: `${region.name}（${region.code}）` }));

/** 角色、所属区域 and, for a department role, 所属部门 of that region: the new user's and a changed assignment's. */
function AssignmentFields({ form, regions }: { form: FormInstance; regions: RegionSummary[] }) {
  const role = Form.useWatch('role', form) as Role | undefined;
  const regionCode = Form.useWatch('regionCode', form) as string | undefined;
  const needsDepartment = role !== undefined && isDepartmentRole(role);
  const { departments, isLoading } = useDepartments(needsDepartment ? regionCode : null);
  return (
    <>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
      </Form.Item>
      <Form.Item name="regionCode" label="所属区域" rules={[{ required: true, message: '请选择区域' }]}>
        <Select showSearch optionFilterProp="label" options={regionOptions(regions)} placeholder="输入名称或代码搜索" />
      </Form.Item>
      {needsDepartment && (
        <Form.Item name="departmentId" label="所属部门" rules={[{ required: true, message: '部门联络员须指定所属部门' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={isLoading}
            disabled={!regionCode}
            placeholder={regionCode ? '选择部门' : '请先选择区域'}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
    </>
  );
}

/** The API's field errors, shown on the form's fields. */
function markFieldErrors(form: FormInstance, body: ApiFailure) {
  const fields = Object.entries(body?.error?.fields ?? {}).map(([name, message]) => ({ name, errors: [message] }));
  if (fields.length > 0) form.setFields(fields);
}

function CreateUserDialog({ regions, onClose }: { regions: RegionSummary[]; onClose: (created: boolean) => void }) {
  const [form] = Form.useForm();
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    const result = await send('/api/v1/admin/users', 'POST', { ...values, departmentId: isDepartmentRole(values.role) ? values.departmentId : null });
    setSaving(false);
    if (!result.ok) {
      markFieldErrors(form, result.body);
      setError(result.body.error?.message ?? '创建失败');
      return;
    }
    onClose(true);
  }

  return (
    <Modal open title="新建用户" okText="创建" cancelText="取消" onOk={submit} confirmLoading={isSaving} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" initialValues={{ role: 'supervisor' }}>
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[a-z0-9][a-z0-9_.-]{1,63}$/, message: '2–64 位小写字母、数字或 _.-，以字母或数字开头' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: '请输入初始密码' }, { min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <AssignmentFields form={form} regions={regions} />
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

/** 调整角色/区域: a new role, region or department; the user is signed out everywhere on saving. */
function AssignmentDialog({ user, regions, onClose }: { user: UserListRow; regions: RegionSummary[]; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm();
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const values = (await form.validateFields()) as { role: Role; regionCode: string; departmentId?: number };
    setSaving(true);
    const body = { role: values.role, regionCode: values.regionCode, departmentId: isDepartmentRole(values.role) ? values.departmentId : null };
    const result = await send(`/api/v1/admin/users/${user.id}`, 'PATCH', body);
    setSaving(false);
    if (!result.ok) {
      markFieldErrors(form, result.body);
      setError(result.body.error?.message ?? '保存失败');
      return;
    }
    onClose(true);
  }

  return (
    <Modal open title={`调整角色与区域：${user.displayName}（${user.username}）`} okText="保存" cancelText="取消" onOk={submit} confirmLoading={isSaving} onCancel={() => onClose(false)}>
      <Typography.Paragraph type="secondary">保存后该用户的所有登录会话立即失效，已打开的页面会退出登录，重新登录后按新的角色和区域使用。</Typography.Paragraph>
      <Form
        form={form}
        // its own field ids: the list's filter form behind the dialog has a 角色 field too
        name="assignment"
        layout="vertical"
        initialValues={{ role: user.role, regionCode: user.regionCode, departmentId: user.departmentId ?? undefined }}
        onValuesChange={(changed: { regionCode?: string }) => {
          // a department belongs to one region: a new region needs a department of its own
          if (changed.regionCode !== undefined) form.setFieldValue('departmentId', undefined);
        }}
      >
        <AssignmentFields form={form} regions={regions} />
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: UserListRow; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    const values = await form.validateFields();
    setSaving(true);
    const result = await send(`/api/v1/admin/users/${user.id}/password`, 'POST', { password: values.password });
    setSaving(false);
    if (!result.ok) return setError(result.body.error?.message ?? '重置失败');
    onClose(true);
  }

  return (
    <Modal open title={`重置密码：${user.displayName}（${user.username}）`} okText="重置" cancelText="取消" onOk={submit} confirmLoading={isSaving} onCancel={() => onClose(false)}>
      <Typography.Paragraph type="secondary">重置后该用户的所有登录会话立即失效，需用新密码重新登录。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="password" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '密码至少 8 位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Modal>
  );
}

export function UserAdmin(props: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const { message } = App.useApp();
  const [isPending, startTransition] = useTransition();
  const [isCreating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserListRow | null>(null);
  const [reassigning, setReassigning] = useState<UserListRow | null>(null);
  const go = (change: Partial<Filter>) => startTransition(() => router.push(hrefOf(pathname, { ...props.filter, page: 1, ...change })));

  async function setActive(user: UserListRow, isActive: boolean) {
    const result = await send(`/api/v1/admin/users/${user.id}`, 'PATCH', { isActive });
    if (!result.ok) return void message.error(result.body.error?.message ?? '操作失败');
    message.success(isActive ? `已启用 ${user.username}` : `已停用 ${user.username}，其登录会话已全部失效`);
    router.refresh();
  }

  const columns: ColumnsType<UserListRow> = [
    { title: '用户名', dataIndex: 'username', width: 160 },
    { title: '姓名', dataIndex: 'displayName', width: 180 },
    { title: '角色', dataIndex: 'role', width: 120, render: (role: Role) => ROLE_LABELS[role] },
    { title: '区域', dataIndex: 'regionName', width: 160 },
    { title: '部门', dataIndex: 'departmentName', render: (name: string | null) => name ?? '—' },
    {
      title: '状态',
      dataIndex: 'isActive',
      width: 90,
      render: (isActive: boolean) => (isActive ? <Badge status="success" text="正常" /> : <Badge status="default" text="已停用" />),
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 150, render: (at: string) => formatTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 250,
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={user.id === props.currentUserId} onClick={() => setReassigning(user)}>
            调整角色
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(user)}>
            重置密码
          </Button>
          {user.isActive ? (
            <Popconfirm
              title={`停用 ${user.username}？`}
              description="停用后该用户立即退出登录，且不能再登录。"
              okText="停用"
              cancelText="取消"
              disabled={user.id === props.currentUserId}
              onConfirm={() => setActive(user, false)}
            >
              <Button type="link" size="small" danger disabled={user.id === props.currentUserId}>
                停用
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => setActive(user, true)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="用户管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建用户
        </Button>
      }
    >
      <Form layout="inline" initialValues={props.filter} onFinish={(values: Filter) => go({ q: values.q?.trim() ?? '', role: values.role ?? null })} style={{ marginBottom: 16 }}>
        <Form.Item name="q" label="搜索">
          <Input allowClear placeholder="用户名或姓名" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={isPending}>
            查询
          </Button>
        </Form.Item>
      </Form>
      <Table<UserListRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={props.users}
        loading={isPending}
        locale={{ emptyText: <Empty description="没有符合条件的用户" /> }}
        pagination={{
          current: props.filter.page,
          pageSize: props.pageSize,
          total: props.total,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 个用户`,
          onChange: (page) => go({ page }),
        }}
      />
      {isCreating && (
        <CreateUserDialog
          regions={props.regions}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              message.success('用户已创建');
              router.refresh();
            }
          }}
        />
      )}
      {reassigning && (
        <AssignmentDialog
          user={reassigning}
          regions={props.regions}
          onClose={(done) => {
            if (done) {
              message.success(`已调整 ${reassigning.username} 的角色与区域，其登录会话已全部失效`);
              router.refresh();
            }
            setReassigning(null);
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onClose={(done) => {
            if (done) message.success(`已重置 ${resetting.username} 的密码`);
            setResetting(null);
          }}
        />
      )}
    </Card>
  );
}
