'use client';

import { Tag } from 'antd';
import type { Level } from '../../../lib/rules/level';

// The levels of DESIGN §1 in the colours of the alert wall. A deadline names its term (临期 / 超期 /
// 严重超期); a completeness or channel alert has a colour only, since nothing about it is late.
const COLORS = { yellow: 'gold', orange: 'orange', red: 'red' } as const;
const COLOR_WORDS = { yellow: '黄色', orange: '橙色', red: '红色' } as const;
const DEADLINE_TERMS = { yellow: '临期', orange: '超期', red: '严重超期' } as const;

export function LevelTag({ level, isDeadline = true, short = false }: { level: Level; isDeadline?: boolean; short?: boolean }) {
  if (level === 'none') return <Tag>未到期</Tag>;
  const text = !isDeadline ? `${COLOR_WORDS[level]}预警` : short ? DEADLINE_TERMS[level] : `${COLOR_WORDS[level]} · ${DEADLINE_TERMS[level]}`;
  return (
    <Tag color={COLORS[level]} variant="solid" style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
