'use client';

// antd's configuration for every page: the theme, and Simplified Chinese for antd's own texts (zh_CN) and
// for the dates its pickers draw (dayjs's zh-cn: 一月, 周一 first), both set here and nowhere else.
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { theme } from '../theme';

dayjs.locale('zh-cn');

export function AntdConfig({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
