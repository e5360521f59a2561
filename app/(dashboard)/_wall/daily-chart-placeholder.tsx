import { Skeleton } from 'antd';
import styles from './wall.module.css';

/** The chart's card while recharts loads. */
export function DailyChartPlaceholder() {
  return (
    <section className={`${styles.panel} ${styles.chartPanel}`} aria-label="每日新增与解除预警" aria-busy="true">
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>每日新增与解除预警</h2>
      </header>
      <div style={{ padding: '8px 16px' }}>
        <Skeleton active title={false} paragraph={{ rows: 5 }} />
      </div>
    </section>
  );
}
