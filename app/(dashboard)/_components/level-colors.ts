import type { CSSProperties } from 'react';
import type { AlertLevel } from '../../../lib/rules/rule';

// The colours of the alert levels (黄 / 橙 / 红, DESIGN §1): every page, chart and the wall take them from here,
// so a level looks the same wherever it appears. `tag` is antd's preset for a Tag; `fill` a solid area (a bar,
// the wall's bands and tags) with `onFill` text on it; `ink` text, icons and dots on white, where the yellow
// fill would be too pale to read.
export const LEVEL_COLORS: Readonly<Record<AlertLevel, { tag: string; fill: string; onFill: string; ink: string }>> = {
  yellow: { tag: 'gold', fill: '#fadb14', onFill: '#4d3800', ink: '#ad8b00' },
  orange: { tag: 'orange', fill: '#fa8c16', onFill: '#fff', ink: '#d46b08' },
  red: { tag: 'red', fill: '#cf1322', onFill: '#fff', ink: '#cf1322' },
};

// The wall's stylesheet reads the levels as custom properties set on its root, so it keeps no copy of them.
export const LEVEL_CSS_VARIABLES = {
  '--wall-yellow': LEVEL_COLORS.yellow.fill,
  '--wall-yellow-ink': LEVEL_COLORS.yellow.ink,
  '--wall-orange': LEVEL_COLORS.orange.fill,
  '--wall-orange-ink': LEVEL_COLORS.orange.ink,
  '--wall-red': LEVEL_COLORS.red.fill,
  '--wall-red-ink': LEVEL_COLORS.red.ink,
} as CSSProperties;
