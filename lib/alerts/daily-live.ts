// 每日新增与解除 between two fetches: a live alert:opened adds to its day's opened, a live resolution to its
// day's resolved. Changes the fetched series already holds (seq up to its asOfSeq) and repeats of the same
// event are ignored, so the bars never count one alert twice.
import { shanghaiDayOf } from '../calendar/ymd';
import type { Alert } from './alert';
import type { DailyAlertCount } from './daily-stats';

export interface DailySeries {
  days: DailyAlertCount[];
  asOfSeq: number;
  /** 'opened:<id>' / 'resolved:<id>' already added since the fetch. */
  counted: ReadonlySet<string>;
}

type LiveAlert = Pick<Alert, 'id' | 'seq' | 'state' | 'openedAt' | 'resolvedAt' | 'resolution'>;

export function countLiveAlert(series: DailySeries, alert: LiveAlert, event: 'alert:opened' | 'alert:updated'): DailySeries {
  if (alert.seq <= series.asOfSeq) return series;
  const kind = event === 'alert:opened' ? 'opened' : alert.state === 'resolved' && alert.resolvedAt ? 'resolved' : null;
  if (!kind || series.counted.has(`${kind}:${alert.id}`)) return series;
  const day = shanghaiDayOf(new Date(kind === 'opened' ? alert.openedAt : alert.resolvedAt!));
  const index = series.days.findIndex((entry) => entry.day === day);
  if (index < 0) return series;
  const days = [...series.days];
  const entry = { ...days[index]! };
  if (kind === 'opened') entry.opened += 1;
  else {
    entry.resolved += 1;
    if (alert.resolution === 'manual') entry.resolvedManually += 1;
  }
  days[index] = entry;
  return { ...series, days, counted: new Set(series.counted).add(`${kind}:${alert.id}`) };
}
