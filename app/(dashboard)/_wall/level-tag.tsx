import type { AlertLevel } from '../../../lib/rules/rule';
import { LEVEL_NAMES } from '../../../lib/alerts/labels';
import { LEVEL_LABELS } from '../../../lib/rules/level';
import styles from './wall.module.css';

/** A solid yellow / orange / red tag, readable from across the room. */
export function LevelTag({ level, compact = false }: { level: AlertLevel; compact?: boolean }) {
  return (
    <span className={`${styles.levelTag} ${styles[`level_${level}`]}`} title={LEVEL_LABELS[level]}>
      {compact ? LEVEL_NAMES[level].slice(0, 2) : LEVEL_NAMES[level]}
    </span>
  );
}
