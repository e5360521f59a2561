// 回看: a supervisor looks at the wall as it stood at a past moment, before an alert of the demo year was
// resolved: it is there, unresolved, with the level it had then; a banner says the live push is paused, no
// socket is opened and nothing can be acted on; 返回实时 brings the live wall back (the alert gone, resolved
// since). A moment still to come gets a message instead of a wall. Screenshots of both.
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { formatTime } from '../lib/format/shanghai-time';
import { e2eServerInfo } from './support/e2e-database';
import { signInThroughForm } from './support/sign-in';

interface Watched {
  id: number;
  departmentId: number;
  openedAt: Date;
  resolvedAt: Date;
  /** The level of its last event at or before the moment. */
  levelThen: string;
  moment: Date;
}

const MINUTE_MS = 60_000;

/**
 * A seeded alert that stayed unresolved for a day or more and was resolved before yesterday, in a department
 * with few alerts unresolved at the moment looked at (so it is on the list's first page), and the minute
 * halfway through its life.
 */
async function resolvedAlertOfTheDemo(): Promise<Watched> {
  const sql = postgres(e2eServerInfo().DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const candidates = await sql<{ id: number; departmentId: number; openedAt: Date; resolvedAt: Date }[]>`
      select a.id, a.department_id as "departmentId", a.opened_at as "openedAt", a.resolved_at as "resolvedAt"
      from alerts a
      where a.state = 'resolved' and a.resolved_at > a.opened_at + interval '1 day'
        and a.resolved_at < now() - interval '1 day'
      order by a.resolved_at desc limit 20`;
    for (const candidate of candidates) {
      const middle = (candidate.openedAt.getTime() + candidate.resolvedAt.getTime()) / 2;
      const moment = new Date(Math.floor(middle / MINUTE_MS) * MINUTE_MS);
      const [crowd] = await sql<{ n: number }[]>`
        select count(*)::int as n from alerts
        where department_id = ${candidate.departmentId} and opened_at <= ${moment}
          and (resolved_at is null or resolved_at > ${moment})`;
      if (crowd!.n > 40) continue;
      const [level] = await sql<{ toLevel: string }[]>`
        select to_level as "toLevel" from alert_events
        where alert_id = ${candidate.id} and at <= ${moment} and to_level is not null
        order by at desc, id desc limit 1`;
      return { ...candidate, levelThen: level!.toLevel, moment };
    }
    throw new Error('the demo seed has no alert resolved a day or more after it opened');
  } finally {
    await sql.end();
  }
}

/** Counts the socket.io requests and connections the page makes from now on. */
function watchSocket(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (request.url().includes('/socket.io/')) count += 1;
  });
  page.on('websocket', (socket) => {
    if (socket.url().includes('/socket.io/')) count += 1;
  });
  return () => count;
}

test('a supervisor looks back at the wall before an alert was resolved, then returns to 实时', async ({ page }) => {
  test.setTimeout(120_000);
  const watched = await resolvedAlertOfTheDemo();
  const rowOfWatched = page.locator(`[data-testid="alert-row"][data-alert-id="${watched.id}"]`);

  await signInThroughForm(page, 'supervisor');
  await page.goto(`/?departmentId=${watched.departmentId}`);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  // live, the alert is resolved and off the unresolved list
  await expect(page.getByTestId('alert-list-loading')).toHaveCount(0);
  await expect(rowOfWatched).toHaveCount(0);

  // 回看: a day and a minute in the picker (Asia/Shanghai), and the wall of that moment
  const picker = page.getByPlaceholder('回看某一时刻');
  await picker.click();
  // the calendar speaks zh-CN (antd's zh_CN locale, dayjs's zh-cn) and refuses days to come
  await expect(page.locator('.ant-picker-dropdown')).toContainText('一');
  await expect(page.locator('.ant-picker-dropdown').getByRole('button', { name: /确\s*定/ })).toBeVisible();
  await page.screenshot({ path: 'e2e-artifacts/wall-as-of-picker.png' });
  await picker.fill(formatTime(watched.moment));
  await picker.press('Enter');
  await expect(page).toHaveURL(/asOf=/);
  expect(new URL(page.url()).searchParams.get('departmentId')).toBe(String(watched.departmentId));
  const banner = page.getByTestId('as-of-banner');
  await expect(banner).toContainText(`正在回看 ${formatTime(watched.moment)} 的预警墙，实时推送已暂停`);
  await expect(rowOfWatched).toBeVisible();
  await expect(rowOfWatched).toHaveAttribute('data-state', 'open');
  await expect(rowOfWatched).toHaveAttribute('data-level', watched.levelThen);
  await expect(rowOfWatched.getByTestId('alert-state')).toHaveText('待确认');
  // nothing to act on in the past, and no live status to show
  await expect(rowOfWatched.getByRole('button', { name: /确\s*认/ })).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toHaveCount(0);
  await expect(page.getByTestId('daily-chart').locator('.recharts-surface').first()).toBeVisible();

  // the same address opened afresh: the wall of that moment, and no socket at all
  const socketRequests = watchSocket(page);
  await page.reload();
  await expect(banner).toBeVisible();
  await expect(rowOfWatched).toHaveAttribute('data-state', 'open');
  await expect(page.getByTestId('daily-chart').locator('.recharts-surface').first()).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(socketRequests()).toBe(0);
  await page.screenshot({ path: 'e2e-artifacts/wall-as-of.png' });

  // 返回实时: the live wall, its filter kept, the alert resolved since
  await banner.getByRole('button', { name: '返回实时' }).click();
  await expect(page).not.toHaveURL(/asOf=/);
  expect(new URL(page.url()).searchParams.get('departmentId')).toBe(String(watched.departmentId));
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
  await expect(page.getByTestId('alert-list-loading')).toHaveCount(0);
  await expect(rowOfWatched).toHaveCount(0);
  expect(socketRequests()).toBeGreaterThan(0);
  await page.screenshot({ path: 'e2e-artifacts/wall-live-as-of-picker.png' });
});

test('a moment still to come gets a message and the way back, not a wall', async ({ page }) => {
  await signInThroughForm(page, 'supervisor');
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  await page.goto(`/?asOf=${encodeURIComponent(tomorrow.toISOString())}`);
  const invalid = page.getByTestId('as-of-invalid');
  await expect(invalid).toContainText('无法回看该时刻');
  await expect(invalid).toContainText('回看时间不能晚于当前时间');
  await expect(page.getByTestId('alert-wall')).toHaveCount(0);
  await page.screenshot({ path: 'e2e-artifacts/wall-as-of-invalid.png' });

  await page.goto('/?asOf=last-month');
  await expect(invalid).toContainText('回看时间无效');
  await invalid.getByRole('button', { name: /返回实时/ }).click();
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', { timeout: 30_000 });
});
