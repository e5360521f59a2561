'use client';

import { Tag } from 'antd';
import { LEVEL_NAMES } from '../../../lib/alerts/labels';
import { LEVEL_LABELS, LEVEL_TERMS, type Level } from '../../../lib/rules/level';
import { LEVEL_COLORS } from './level-colors';
import styles from './level-tag.module.css';

// The levels of DESIGN §1, the one way every page shows them. A deadline names its term (临期 / 超期 /
// 严重超期); a completeness or channel alert has a colour only, since nothing about it is late.
// Looks: `solid` on the record pages, `soft` beside a complaint's other tags, `wall` on the alert wall.
const COLOR_WORDS = { yellow: '黄色', orange: '橙色', red: '红色' } as const;

interface Props {
  level: Level;
  isDeadline?: boolean;
  short?: boolean;
  look?: 'solid' | 'soft' | 'wall';
}

export function LevelTag({ level, isDeadline = true, short = false, look = 'solid' }: Props) {
  if (level === 'none') return <Tag>未到期</Tag>;
  const text = !isDeadline ? LEVEL_NAMES[level] : short ? LEVEL_TERMS[level] : `${COLOR_WORDS[level]} · ${LEVEL_TERMS[level]}`;
  switch (look) {
    case 'wall':
      return (
        <span
          className={styles.wall}
          style={{ background: LEVEL_COLORS[level].fill, color: LEVEL_COLORS[level].onFill }}
          title={LEVEL_LABELS[level]}
        >
          {text}
        </span>
      );
    case 'soft':
      return <Tag color={LEVEL_COLORS[level].tag}>{text}</Tag>;
    case 'solid':
      return (
        <Tag color={LEVEL_COLORS[level].tag} variant="solid" style={{ marginInlineEnd: 0 }}>
          {text}
        </Tag>
      );
  }
}
