'use client';

import { Button, Result } from 'antd';
import Link from 'next/link';

// 无权查看: what a record beyond the user's region (or department) shows instead of itself. It names
// the kind of record only — never its title — so a URL cannot be used to probe another unit's data.
export function AccessDenied({ what }: { what: string }) {
  return (
    <Result
      status="403"
      title="无权查看"
      subTitle={`该${what}不在您的管辖范围内。如需查看，请联系上级政务公开办调整您的权限。`}
      extra={
        <Link href="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
      data-testid="access-denied"
    />
  );
}

export function NotFoundResult({ what, back }: { what: string; back: { href: string; label: string } }) {
  return (
    <Result
      status="404"
      title="未找到"
      subTitle={`该${what}不存在或已被删除，请检查链接是否正确。`}
      extra={
        <Link href={back.href}>
          <Button type="primary">{back.label}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}
