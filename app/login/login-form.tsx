'use client';
// The sign-in form: posts to /api/v1/session, shows the server's zh-CN answer inline, then leaves for
// ?next= (same-site paths only) or the role's landing page.
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { safeNextPath } from '../../lib/auth/safe-next-path';

interface SignInValues {
  username: string;
  password: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: Record<string, string> };
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: '用户名或密码错误',
  403: '请求被拒绝，请刷新页面后重试',
  429: '登录失败次数过多，请稍后再试',
  503: '登录服务暂时不可用，请稍后再试',
};

export function LoginForm({ nextPath, isSessionEnded = false }: { nextPath: string | null; isSessionEnded?: boolean }) {
  const [form] = Form.useForm<SignInValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function signIn(values: SignInValues) {
    setSubmitting(true);
    setError(null);
    let response: Response;
    try {
      response = await fetch('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: values.username.trim(), password: values.password }),
        credentials: 'same-origin',
      });
    } catch {
      setSubmitting(false);
      setError('无法连接服务器，请检查网络后重试');
      return;
    }

    const body = (await response.json().catch(() => ({}))) as ErrorBody & { landing?: string };
    if (response.ok) {
      // keep the button spinning while the next page loads
      window.location.assign(safeNextPath(nextPath) ?? safeNextPath(body.landing) ?? '/');
      return;
    }

    setSubmitting(false);
    const fields = body.error?.fields;
    if (response.status === 400 && fields) {
      form.setFields(
        Object.entries(fields)
          .filter(([name]) => name === 'username' || name === 'password')
          .map(([name, message]) => ({ name: name as keyof SignInValues, errors: [message] })),
      );
    }
    setError(body.error?.message ?? FALLBACK_MESSAGES[response.status] ?? `登录失败（${response.status}），请稍后再试`);
    if (response.status === 401) form.setFieldValue('password', '');
  }

  return (
    <Form<SignInValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={signIn}
      onValuesChange={() => error && setError(null)}
      disabled={submitting}
    >
      {isSessionEnded && !error ? (
        <Alert type="warning" showIcon title="登录已失效，请重新登录" style={{ marginBottom: 20 }} data-testid="login-session-ended" />
      ) : null}
      <Form.Item
        label="用户名"
        name="username"
        rules={[
          { required: true, whitespace: true, message: '请输入用户名' },
          { max: 64, message: '用户名不能超过 64 个字符' },
        ]}
      >
        <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 20 }} /> : null}
      <Form.Item style={{ marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={submitting} disabled={false}>
          {submitting ? '正在登录' : '登 录'}
        </Button>
      </Form.Item>
    </Form>
  );
}
