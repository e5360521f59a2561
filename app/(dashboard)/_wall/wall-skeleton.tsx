import { Skeleton } from 'antd';
import { LEVEL_CSS_VARIABLES } from '../_components/level-colors';
import styles from './wall.module.css';

/** While the server reads the first snapshot: the wall's frame with placeholders where numbers will be. */
export function WallSkeleton() {
  return (
    <div className={styles.wall} style={LEVEL_CSS_VARIABLES} aria-busy="true" data-testid="wall-skeleton">
      <div className={styles.head}>
        <h1 className={styles.title}>监督总览</h1>
      </div>
      <section className={styles.counters}>
        {[0, 1, 2, 3].map((key) => (
          <div key={key} className={styles.counter}>
            <Skeleton active title={false} paragraph={{ rows: 2, width: ['60%', '40%'] }} />
          </div>
        ))}
      </section>
      <section className={`${styles.panel} ${styles.listPanel}`}>
        <div style={{ padding: 16 }}>
          <Skeleton active paragraph={{ rows: 10 }} />
        </div>
      </section>
      <aside className={styles.side}>
        {[6, 5, 4].map((rows) => (
          <section key={rows} className={styles.panel}>
            <div style={{ padding: 16 }}>
              <Skeleton active paragraph={{ rows }} />
            </div>
          </section>
        ))}
      </aside>
    </div>
  );
}
