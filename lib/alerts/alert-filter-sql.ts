// The alert filter as SQL: the conditions the list, the counters and the daily chart share (and the twin of
// alertMatchesFilter in alert-filter.ts, which judges live alerts in the browser). Each condition starts
// with `and` and reads the alert as `a` only, so a caller puts it after its own where clause.
import type { Db } from '../db/sql';
import type { AlertListFilter } from './alert-filter';

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

export function alertFilterSql(db: Db, filter: Omit<AlertListFilter, 'state'> & Pick<Partial<AlertListFilter>, 'state'>) {
  return db`
    ${filter.state === 'unresolved' ? db`and a.state <> 'resolved'` : filter.state ? db`and a.state = ${filter.state}` : db``}
    ${filter.level ? db`and a.level = ${filter.level}` : db``}
    ${filter.domain === 'other' ? db`and (a.domain = 'other' or a.domain is null)` : filter.domain ? db`and a.domain = ${filter.domain}` : db``}
    ${filter.departmentId !== undefined ? db`and a.department_id = ${filter.departmentId}` : db``}
    ${filter.openedFrom ? db`and a.opened_at >= ${filter.openedFrom}` : db``}
    ${filter.openedBefore ? db`and a.opened_at < ${filter.openedBefore}` : db``}
    ${filter.q ? searchSql(db, containsPattern(filter.q)) : db``}`;
}

// alerts.search_text (migration 0058) holds, lower-cased, the message and what subject.title is made of (the
// item's title, the obligation's entry, the complaint's tracking code and content), so a search reads the alerts
// alone; the departments are a few hundred, matched once and hashed.
function searchSql(db: Db, pattern: string) {
  return db`and (
    a.search_text like lower(${pattern})
    or a.department_id in (select sd.id from departments sd where sd.name ilike ${pattern}))`;
}
