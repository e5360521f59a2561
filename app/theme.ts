import type { ThemeConfig } from 'antd';

// Restrained government palette: a deep red brand colour, neutral surfaces, CJK-first fonts.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#b71c1c',
    colorInfo: '#1f4e8c',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
  },
};
