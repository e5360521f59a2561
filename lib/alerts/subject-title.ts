// What an alert is about, in one line for the wall (DESIGN §3 `subject.title`): the item's title; the catalog
// entry and period of an obligation (or the entry and the item, for an obligation an item started); a
// complaint's or request's tracking code and the start of what the citizen wrote or asked for.
import { periodKeyLabel } from '../obligations/periods';
import type { SubjectType } from './alert';

export interface SubjectFacts {
  type: SubjectType;
  id: number;
  itemTitle: string | null;
  entryName: string | null;
  periodKey: string | null;
  trackingCode: string | null;
  complaintContent: string | null;
  /** A request's description (依申请公开); never the applicant's name. */
  requestDescription?: string | null;
}

const EXCERPT_CHARS = 24;

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= EXCERPT_CHARS ? oneLine : `${chars.slice(0, EXCERPT_CHARS).join('')}…`;
}

export function subjectTitle(facts: SubjectFacts): string {
  switch (facts.type) {
    case 'item':
      return facts.itemTitle ?? `公开信息 #${facts.id}`;
    case 'obligation': {
      const entry = facts.entryName ?? `公开义务 #${facts.id}`;
      if (facts.periodKey) return `${periodKeyLabel(facts.periodKey)} ${entry}`;
      return facts.itemTitle ? `${entry}：${facts.itemTitle}` : entry;
    }
    case 'complaint': {
      const code = facts.trackingCode ?? `投诉 #${facts.id}`;
      return facts.complaintContent ? `${code} ${excerpt(facts.complaintContent)}` : code;
    }
    case 'request': {
      const code = facts.trackingCode ?? `申请 #${facts.id}`;
      return facts.requestDescription ? `${code} ${excerpt(facts.requestDescription)}` : code;
    }
  }
}
