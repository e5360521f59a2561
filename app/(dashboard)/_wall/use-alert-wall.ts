'use client';

// The wall's live state: the list window, the counters and the filter, fed by the first render's snapshot,
// then by the socket (alert:opened / alert:updated, alerts:sync on every connect) and by the user's own
// actions. Every alert change goes through ingest(): merged by id, the highest seq wins (DESIGN §3).
//
// Counters: a change moves the alert's old state out of the counts and its new one in (summary-counters.ts),
// so the numbers change with the row. When the old state is unknown (an alert this browser never saw) or
// the department ranking may have shifted, the summary is fetched again, debounced, and the changes it
// cannot contain yet (seq above its asOfSeq) are replayed on it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import { appendPage, mergeLiveAlert, pruneLeftRows, type AlertListState } from '../../../lib/alerts/alert-list';
import { TOP_DEPARTMENTS, type AlertSummary } from '../../../lib/alerts/alert-summary';
import type { DailyAlertCount } from '../../../lib/alerts/daily-stats';
import { MAX_SYNC_ALERTS } from '../../../lib/alerts/queries';
import {
  applyAlertChange,
  reconcileSummary,
  type CountedAlert,
  type ObservedChange,
} from '../../../lib/alerts/summary-counters';
import { alertMatchesFilter, summaryFilterOf, type AlertListFilter } from '../../../lib/alerts/alert-filter';
import {
  WALL_PAGE_SIZE as PAGE_SIZE,
  wallQueryToApiParams,
  wallQueryToFilter,
  wallQueryToFilterParams,
  type WallQuery,
} from '../../../lib/alerts/wall-query';
import { useRealtimeConnect, useRealtimeEvent, useRealtimeInterval } from '../../_client/use-realtime';
import type { RealtimeSocket } from '../../_client/realtime-provider';
import { fetchAlerts, fetchSummary, type Page } from './wall-api';

// a resolved (or otherwise no longer matching) row stays this long, marked, before it leaves the list
const LEAVE_GRACE_MS = 20_000;
const HIGHLIGHT_MS = 8_000;
const SUMMARY_DEBOUNCE_MS = 1_500;
// alerts:sync asks from a little before the highest seq seen: changes may arrive out of seq order, and
// merging by id makes the overlap harmless
const SYNC_OVERLAP = 100;
// a push can be lost between a commit and its emit (a worker killed in between, Redis away for a moment): a
// connected wall also asks for what it missed this often, so such an alert shows within this time
const CATCH_UP_INTERVAL_MS = 30_000;
const MAX_CHANGE_LOG = 2_000;

export type Highlight = 'new' | 'changed';
export type LoadStatus = 'loading' | 'ready' | 'error';

export interface WallSnapshotProps {
  summary: AlertSummary;
  page: Page<Alert>;
  daily: { days: DailyAlertCount[]; asOfSeq: number };
}

export interface WallSignal {
  alert: Alert;
  kind: 'opened' | 'escalated';
}

interface ListModel {
  state: AlertListState;
  cursor: string | null;
  status: LoadStatus;
  error: string | null;
  isLoadingMore: boolean;
  loadMoreError: string | null;
}

// the counters count what the list's filter matches (summaryFilterOf), so an alert outside it is seen but not counted
const counted = (alert: Alert, filter: AlertListFilter): CountedAlert => {
  const { id, seq, level, state, domain, departmentId, departmentName, regionId } = alert;
  const isOutsideFilter = !alertMatchesFilter(alert, summaryFilterOf(filter));
  return { id, seq, level, state, domain, departmentId, departmentName, regionId, ...(isOutsideFilter ? { isOutsideFilter } : {}) };
};

function listFromPage(page: Page<Alert>): ListModel {
  return {
    state: appendPage({ rows: [], hasMore: false }, page.data, page.next !== null),
    cursor: page.next,
    status: 'ready',
    error: null,
    isLoadingMore: false,
    loadMoreError: null,
  };
}

const loadingList = (): ListModel => ({
  state: { rows: [], hasMore: false },
  cursor: null,
  status: 'loading',
  error: null,
  isLoadingMore: false,
  loadMoreError: null,
});

export function useAlertWall(options: {
  initialQuery: WallQuery;
  initial: WallSnapshotProps | null;
  onSignal: (signal: WallSignal) => void;
}) {
  const { initial } = options;
  const [query, setQueryState] = useState(options.initialQuery);
  const queryRef = useRef(query);
  const filterRef = useRef(wallQueryToFilter(query));

  const [initialList] = useState<ListModel>(() => (initial ? listFromPage(initial.page) : loadingList()));
  const listRef = useRef(initialList);
  const [list, setList] = useState(initialList);
  const commitList = useCallback((next: ListModel) => {
    listRef.current = next;
    setList(next);
  }, []);

  const summaryRef = useRef<AlertSummary | null>(initial?.summary ?? null);
  const [summary, setSummary] = useState<AlertSummary | null>(initial?.summary ?? null);
  const [summaryStatus, setSummaryStatus] = useState<LoadStatus>(initial ? 'ready' : 'loading');
  const commitSummary = useCallback((next: AlertSummary) => {
    summaryRef.current = next;
    setSummary(next);
  }, []);

  // what the counters reflect of each alert seen, for the "before" of its next change
  const knownRef = useRef(new Map<number, CountedAlert>());
  const changeLogRef = useRef<ObservedChange[]>([]);
  const watermarkRef = useRef(initial?.summary.asOfSeq ?? 0);
  // live changes that arrive while a first page is loading, merged once it is there
  const pendingRef = useRef<Alert[]>([]);
  const listAbortRef = useRef<AbortController | null>(null);

  const [highlights, setHighlights] = useState<ReadonlyMap<number, { kind: Highlight; until: number }>>(new Map());
  const [lastChangeAt, setLastChangeAt] = useState<number | null>(null);

  const signalRef = useRef(options.onSignal);
  useEffect(() => {
    signalRef.current = options.onSignal;
  });

  /** Marks what the counters already contain: alerts of a page no newer than the counters' snapshot. */
  const rememberPage = useCallback((alerts: readonly Alert[]) => {
    const asOf = summaryRef.current?.asOfSeq ?? Number.POSITIVE_INFINITY;
    for (const alert of alerts) {
      const known = knownRef.current.get(alert.id);
      if (alert.seq <= asOf && (!known || known.seq < alert.seq)) knownRef.current.set(alert.id, counted(alert, filterRef.current));
    }
  }, []);

  // ——— counters ———
  const summaryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const summaryInFlight = useRef(false);
  const summaryAgain = useRef(false);

  const refreshSummaryRef = useRef<() => void>(() => {});

  const scheduleSummary = useCallback(() => {
    clearTimeout(summaryTimer.current);
    summaryTimer.current = setTimeout(() => refreshSummaryRef.current(), SUMMARY_DEBOUNCE_MS);
  }, []);

  const refreshSummary = useCallback(async () => {
    if (summaryInFlight.current) {
      summaryAgain.current = true;
      return;
    }
    summaryInFlight.current = true;
    try {
      const requested = queryRef.current;
      const fetched = await fetchSummary(wallQueryToFilterParams(requested));
      // the filter changed meanwhile: the summary of the new one is on its way
      if (queryRef.current !== requested) return;
      const reconciled = reconcileSummary(fetched, changeLogRef.current, TOP_DEPARTMENTS);
      changeLogRef.current = reconciled.log;
      commitSummary(reconciled.summary);
      setSummaryStatus('ready');
      watermarkRef.current = Math.max(watermarkRef.current, fetched.asOfSeq);
      if (!reconciled.isExact) summaryAgain.current = true;
    } catch {
      if (!summaryRef.current) setSummaryStatus('error');
    } finally {
      summaryInFlight.current = false;
      if (summaryAgain.current) {
        summaryAgain.current = false;
        scheduleSummary();
      }
    }
  }, [commitSummary, scheduleSummary]);

  useEffect(() => {
    refreshSummaryRef.current = () => void refreshSummary();
  }, [refreshSummary]);

  const retrySummary = useCallback(() => {
    setSummaryStatus('loading');
    void refreshSummary();
  }, [refreshSummary]);

  // ——— one alert change, from any source ———
  const ingest = useCallback(
    (alert: Alert, source: 'opened' | 'updated' | 'sync' | 'action') => {
      // the counters contain this state already (seen before, or inside their snapshot); the list judges
      // staleness by its own rows
      const known = knownRef.current.get(alert.id);
      const isCounted =
        (known !== undefined && known.seq >= alert.seq) ||
        (summaryRef.current !== null && alert.seq <= summaryRef.current.asOfSeq);
      if (isCounted) {
        if (!known || known.seq < alert.seq) knownRef.current.set(alert.id, counted(alert, filterRef.current));
      } else {
          const before = known ?? (source === 'opened' ? null : undefined);
        knownRef.current.set(alert.id, counted(alert, filterRef.current));
        watermarkRef.current = Math.max(watermarkRef.current, alert.seq);
        const change: ObservedChange = { seq: alert.seq, before, after: counted(alert, filterRef.current) };
        changeLogRef.current.push(change);
        if (changeLogRef.current.length > MAX_CHANGE_LOG) changeLogRef.current.splice(0, changeLogRef.current.length - MAX_CHANGE_LOG);
        if (summaryRef.current) {
          const applied = applyAlertChange(summaryRef.current, change, TOP_DEPARTMENTS);
          if (applied.summary !== summaryRef.current) commitSummary(applied.summary);
          if (!applied.isExact) scheduleSummary();
        } else {
          scheduleSummary();
        }
      }

      if (listRef.current.status === 'loading') {
        pendingRef.current.push(alert);
      } else if (listRef.current.status === 'ready') {
        const merged = mergeLiveAlert(listRef.current.state, alert, filterRef.current, Date.now());
        if (merged.state !== listRef.current.state) commitList({ ...listRef.current, state: merged.state });
        const kind: Highlight | null =
          merged.outcome === 'inserted' || merged.outcome === 'escalated' ? 'new' : merged.outcome === 'updated' ? 'changed' : null;
        if (kind && source !== 'action') {
          setHighlights((current) => new Map(current).set(alert.id, { kind, until: Date.now() + HIGHLIGHT_MS }));
        }
        if (source === 'opened' && merged.outcome === 'inserted') signalRef.current({ alert, kind: 'opened' });
        if (source === 'updated' && merged.outcome === 'escalated') signalRef.current({ alert, kind: 'escalated' });
      }
      if (!isCounted) setLastChangeAt(Date.now());
    },
    [commitList, commitSummary, scheduleSummary],
  );

  // ——— the list ———
  const loadFirstPage = useCallback(
    async (next: WallQuery) => {
      listAbortRef.current?.abort();
      const controller = new AbortController();
      listAbortRef.current = controller;
      pendingRef.current = [];
      commitList(loadingList());
      try {
        const page = await fetchAlerts(wallQueryToApiParams(next, { limit: PAGE_SIZE }), controller.signal);
        if (controller.signal.aborted) return;
        rememberPage(page.data);
        let model = listFromPage(page);
        for (const alert of pendingRef.current) {
          model = { ...model, state: mergeLiveAlert(model.state, alert, filterRef.current, Date.now()).state };
        }
        pendingRef.current = [];
        commitList(model);
      } catch (error) {
        if (controller.signal.aborted) return;
        commitList({ ...loadingList(), status: 'error', error: (error as Error).message });
      }
    },
    [commitList, rememberPage],
  );

  const setQuery = useCallback(
    (next: WallQuery) => {
      queryRef.current = next;
      filterRef.current = wallQueryToFilter(next);
      setQueryState(next);
      // the counters follow the filter: what they knew of each alert was judged under the old one
      knownRef.current.clear();
      changeLogRef.current = [];
      summaryRef.current = null;
      setSummary(null);
      setSummaryStatus('loading');
      void loadFirstPage(next);
      void refreshSummaryRef.current();
    },
    [loadFirstPage],
  );

  const retryList = useCallback(() => void loadFirstPage(queryRef.current), [loadFirstPage]);

  const loadMore = useCallback(async () => {
    const current = listRef.current;
    if (current.status !== 'ready' || current.isLoadingMore || !current.cursor) return;
    const requested = queryRef.current;
    commitList({ ...current, isLoadingMore: true, loadMoreError: null });
    try {
      const page = await fetchAlerts(wallQueryToApiParams(requested, { limit: PAGE_SIZE, cursor: current.cursor }));
      if (queryRef.current !== requested) return;
      rememberPage(page.data);
      const latest = listRef.current;
      commitList({
        ...latest,
        state: appendPage(latest.state, page.data, page.next !== null),
        cursor: page.next,
        isLoadingMore: false,
      });
    } catch (error) {
      if (queryRef.current !== requested) return;
      commitList({ ...listRef.current, isLoadingMore: false, loadMoreError: (error as Error).message });
    }
  }, [commitList, rememberPage]);

  // first render without a snapshot (the server could not read it): load in the browser
  useEffect(() => {
    if (initial) {
      rememberPage(initial.page.data);
      return;
    }
    void loadFirstPage(queryRef.current);
    void refreshSummary();
    // once, on mount
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // ——— live ———
  useRealtimeEvent('alert:opened', (alert) => ingest(alert, 'opened'));
  useRealtimeEvent('alert:updated', (alert) => ingest(alert, 'updated'));
  const catchUp = (socket: RealtimeSocket, reason: 'connect' | 'interval') => {
    const afterSeq = Math.max(0, watermarkRef.current - SYNC_OVERLAP);
    const startOver = () => {
      void loadFirstPage(queryRef.current);
      void refreshSummary();
    };
    socket
      .timeout(15_000)
      .emitWithAck('alerts:sync', { afterSeq })
      .then(({ alerts, error }) => {
        // the session ended: the provider says so and leaves for /login
        if (error?.code === 'unauthenticated') return;
        if (error || alerts.length >= MAX_SYNC_ALERTS) {
          // no answer to rely on, or too far behind to catch up change by change: start over (a periodic
          // catch-up that gets no answer just tries again next time)
          if (reason === 'connect' || !error) startOver();
          return;
        }
        for (const alert of alerts) ingest(alert, 'sync');
      })
      .catch(() => {
        // no answer in time after a reconnect: the counters and the list may be behind, so read them again
        if (reason === 'connect') startOver();
      });
  };
  useRealtimeConnect((socket) => catchUp(socket, 'connect'));
  useRealtimeInterval((socket) => catchUp(socket, 'interval'), CATCH_UP_INTERVAL_MS);

  // rows that left the filter go after a grace period; highlights fade
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      const pruned = pruneLeftRows(listRef.current.state, now, LEAVE_GRACE_MS);
      if (pruned !== listRef.current.state) commitList({ ...listRef.current, state: pruned });
      setHighlights((current) => {
        if (![...current.values()].some((entry) => entry.until <= now)) return current;
        return new Map([...current].filter(([, entry]) => entry.until > now));
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [commitList]);

  useEffect(
    () => () => {
      clearTimeout(summaryTimer.current);
      listAbortRef.current?.abort();
    },
    [],
  );

  return {
    query,
    setQuery,
    list,
    retryList,
    loadMore,
    summary,
    summaryStatus,
    retrySummary,
    highlights,
    lastChangeAt,
    applyActionResult: (alert: Alert) => ingest(alert, 'action'),
  };
}
