// The channel rule (DESIGN §1 "Completeness and channel"), pure: an item's finding under the rules, or null
// when it is out on every channel its entry names, not published, or no channel rule governs it.
import { channelMessage, missingChannels } from './evaluate-channels';
import { isJudged, type ItemRuleFinding, type JudgedItem } from './judged-item';
import type { Rule } from './rule';
import { selectRule } from './select-rule';

export function channelFinding(rules: readonly Rule[], item: JudgedItem): ItemRuleFinding | null {
  const rule = selectRule(rules, 'channel', item);
  if (!rule || !isJudged(item)) return null;
  const missing = missingChannels(item.channels, item.requiredChannels);
  return missing.length === 0 ? null : { rule, message: channelMessage(missing), details: { missing } };
}
