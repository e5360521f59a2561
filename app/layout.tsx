import { AntdRegistry } from '@ant-design/nextjs-registry';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { theme } from './theme';
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
          <ConfigProvider locale={zhCN} theme={theme}>
            <AntdApp>{children}</AntdApp>
          </ConfigProvider>
        </AntdRegistry>
      </body>
    </html>
  );
}
