'use client';

// 回看: pick a day and minute (Asia/Shanghai) and the wall shows itself as it stood then. Days to come are
// disabled; a minute still to come today is refused here and, should it slip through, by the page.
import { HistoryOutlined } from '@ant-design/icons';
import { App, DatePicker } from 'antd';
import dayjs from 'dayjs';
import { AS_OF_FUTURE_MESSAGE, asOfFromPicker } from '../../../lib/alerts/as-of-param';
import type { WallQuery } from '../../../lib/alerts/wall-query';
import { shanghaiDayOf } from '../../../lib/calendar/ymd';
import { formatTime } from '../../../lib/format/shanghai-time';
import { useGoToMoment } from './use-go-to-moment';

const FORMAT = 'YYYY-MM-DD HH:mm';

export function AsOfPicker({ query }: { query: WallQuery }) {
  const { message } = App.useApp();
  const goTo = useGoToMoment(query);
  // the picker's fields are a wall-clock time read as Asia/Shanghai, whatever the browser's own zone
  const value = query.asOf ? dayjs(formatTime(query.asOf)) : null;
  const today = shanghaiDayOf(new Date());
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format={FORMAT}
      value={value}
      showNow={false}
      allowClear={false}
      placeholder="回看某一时刻"
      prefix={<HistoryOutlined />}
      disabledDate={(day) => day.format('YYYY-MM-DD') > today}
      onChange={(_, text) => {
        if (typeof text !== 'string' || text === '') return;
        const asOf = asOfFromPicker(text);
        if (Date.parse(asOf) > Date.now()) {
          message.warning(AS_OF_FUTURE_MESSAGE);
          return;
        }
        goTo(asOf);
      }}
      aria-label="回看时间"
      data-testid="as-of-picker"
      style={{ width: 200 }}
    />
  );
}
