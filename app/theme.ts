import type { ThemeConfig } from 'antd';

// Restrained government palette: a deep red brand colour, neutral surfaces, CJK-first fonts.
// A fixed cssVar key keeps the class names of the baked stylesheet (scripts/antd-css.tsx) and of the
// rendered pages the same.
export const bakedTheme: ThemeConfig = {
  cssVar: { key: 'dw' },
  // one antd on the page, scoped by its cssVar class: the hash would only make dev and prod differ
  hashed: false,
  token: {
    colorPrimary: '#b71c1c',
    colorInfo: '#1f4e8c',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
  },
};

// Pages use the baked stylesheet and generate no styles at run time.
export const theme: ThemeConfig = { ...bakedTheme, zeroRuntime: true };
