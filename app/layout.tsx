import { AntdRegistry } from '@ant-design/nextjs-registry';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AntdConfig } from './_client/antd-config';
// antd's component styles, baked for our theme by `npm run antd-css` (run by build and dev)
import './_styles/antd.generated.css';
import './globals.css';

export const metadata: Metadata = {
  title: '政务公开在线监督预警平台',
  description: '政务公开事项目录执行情况的实时监督、预警与考核',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <AntdRegistry>
          <AntdConfig>{children}</AntdConfig>
        </AntdRegistry>
      </body>
    </html>
  );
}
