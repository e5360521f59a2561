'use client';

// Every date field of the product: antd's DatePicker and RangePicker (zh_CN, set once in app/_client/
// antd-config.tsx), holding days as 'YYYY-MM-DD' strings like the URLs and the API, so a form or a filter
// never handles dayjs objects. They work as antd Form controls (value / onChange).
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type CSSProperties } from 'react';
import { isYmd, type Ymd } from '../../../lib/calendar/ymd';

const FORMAT = 'YYYY-MM-DD';

const toDayjs = (day: string | undefined | null): Dayjs | null => (day && isYmd(day) ? dayjs(day) : null);
const toYmd = (date: Dayjs | null | undefined): Ymd => (date ? date.format(FORMAT) : '');

/** From and to, '' for an open end. */
export interface DayRange {
  from: Ymd;
  to: Ymd;
}

interface Bounds {
  /** The latest day that may be picked (e.g. today). */
  max?: Ymd;
  /** The earliest day that may be picked. */
  min?: Ymd;
}

const disabledOutside = ({ min, max }: Bounds) =>
  min || max ? (date: Dayjs) => (max !== undefined && toYmd(date) > max) || (min !== undefined && toYmd(date) < min) : undefined;

export function DayPicker(
  props: Bounds & { value?: Ymd; onChange?: (day: Ymd) => void; placeholder?: string; size?: 'small' | 'middle'; style?: CSSProperties; 'aria-label'?: string },
) {
  const value = useMemo(() => toDayjs(props.value), [props.value]);
  return (
    <DatePicker
      value={value}
      onChange={(date: Dayjs | null) => props.onChange?.(toYmd(date))}
      format={FORMAT}
      disabledDate={disabledOutside(props)}
      placeholder={props.placeholder ?? '选择日期'}
      size={props.size}
      style={props.style}
      aria-label={props['aria-label']}
    />
  );
}

export function DayRangePicker(
  props: Bounds & {
    value?: DayRange;
    onChange?: (range: DayRange) => void;
    size?: 'small' | 'middle';
    style?: CSSProperties;
    /** Where the panel opens; inside a popover it must stay in the popover's DOM so a click there is not outside. */
    getPopupContainer?: (trigger: HTMLElement) => HTMLElement;
  },
) {
  const from = props.value?.from;
  const to = props.value?.to;
  // the same dayjs objects while the days stay the same: new ones on every render would make the picker drop
  // a start typed before its end
  const value = useMemo((): [Dayjs | null, Dayjs | null] => [toDayjs(from), toDayjs(to)], [from, to]);
  return (
    <DatePicker.RangePicker
      value={value}
      onChange={(dates) => props.onChange?.({ from: toYmd(dates?.[0]), to: toYmd(dates?.[1]) })}
      allowEmpty={[true, true]}
      format={FORMAT}
      disabledDate={disabledOutside(props)}
      placeholder={['开始日期', '结束日期']}
      size={props.size}
      style={props.style}
      getPopupContainer={props.getPopupContainer}
    />
  );
}
