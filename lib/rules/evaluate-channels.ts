// 公开渠道检查: an item must appear on every channel its catalog entry names (DESIGN §1
// "Completeness and channel"; channel codes from DESIGN §3).

export const CHANNELS = [
  'website',
  'open_platform',
  'wechat',
  'weibo',
  'app',
  'bulletin',
  'service_center',
  'press',
  'targeted',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  website: '政府网站',
  open_platform: '政府信息公开平台',
  wechat: '政务微信',
  weibo: '政务微博',
  app: '政务客户端',
  bulletin: '公开栏',
  service_center: '政务服务中心',
  press: '报刊广播电视',
  targeted: '精准推送',
};

/** The required channels not among the published ones, once each, in the order the entry lists them. */
export function missingChannels(published: readonly string[], required: readonly string[]): string[] {
  const done = new Set(published);
  return [...new Set(required)].filter((channel) => !done.has(channel));
}

export function channelLabel(channel: string): string {
  return Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel as Channel] : channel;
}

/** '未在以下渠道发布：政务微博、公开栏'; '' when nothing is missing. */
export function channelMessage(missing: readonly string[]): string {
  return missing.length === 0 ? '' : `未在以下渠道发布：${missing.map(channelLabel).join('、')}`;
}
