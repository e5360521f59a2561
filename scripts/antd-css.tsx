// Bakes antd's component styles for our theme into one static stylesheet before `next build` / dev, so
// pages ship a cached .css file instead of ~220 KiB of CSS-in-JS inlined into every response (antd's
// "whole export" SSR mode). The app renders with theme.zeroRuntime, so the browser generates no styles.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractStyle } from '@ant-design/static-style-extract';
import { ConfigProvider } from 'antd';
import { bakedTheme } from '../app/theme';

export const ANTD_CSS_PATH = path.join(import.meta.dirname, '..', 'app', '_styles', 'antd.generated.css');

const css = extractStyle((node) => <ConfigProvider theme={bakedTheme}>{node}</ConfigProvider>);
mkdirSync(path.dirname(ANTD_CSS_PATH), { recursive: true });
writeFileSync(ANTD_CSS_PATH, css);
console.log(`antd styles baked: ${path.relative(process.cwd(), ANTD_CSS_PATH)} (${Math.round(css.length / 1024)} KiB)`);
