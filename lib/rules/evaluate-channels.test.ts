import { describe, expect, it } from 'vitest';
import { CHANNEL_LABELS, CHANNELS, channelLabel, channelMessage, missingChannels } from './evaluate-channels';

describe('missingChannels', () => {
  it('is empty when every required channel is published', () => {
    expect(missingChannels(['website', 'weibo', 'bulletin'], ['weibo', 'website'])).toEqual([]);
    expect(missingChannels([], [])).toEqual([]);
  });

  it('lists what is missing once each, in the entry’s order', () => {
    expect(missingChannels(['website'], ['weibo', 'website', 'bulletin', 'weibo'])).toEqual(['weibo', 'bulletin']);
  });

  it('does not count extra channels', () => {
    expect(missingChannels(['website', 'app', 'press'], ['open_platform'])).toEqual(['open_platform']);
  });
});

describe('channel labels and message', () => {
  it('labels all nine channels of DESIGN §3', () => {
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c])).toEqual([
      '政府网站',
      '政府信息公开平台',
      '政务微信',
      '政务微博',
      '政务客户端',
      '公开栏',
      '政务服务中心',
      '报刊广播电视',
      '精准推送',
    ]);
    expect(channelLabel('fax')).toBe('fax');
  });

  it('says where the item was not published', () => {
    expect(channelMessage(['weibo', 'bulletin'])).toBe('未在以下渠道发布：政务微博、公开栏');
    expect(channelMessage([])).toBe('');
  });
});
