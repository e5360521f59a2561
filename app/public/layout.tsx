// The public pages (no login): filing an online complaint or an application for government information
// (依申请公开), and following either by its tracking code.
import type { ReactNode } from 'react';
import { PublicHeader } from './_components/public-header';

export const dynamic = 'force-dynamic';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f3f4f6' }}>
      <PublicHeader />
      <main style={{ maxWidth: 880, margin: '0 auto', padding: '32px 24px 64px' }}>{children}</main>
    </div>
  );
}
