// The department workspace's read against real Postgres, at instants of DESIGN §1's worked example (formed
// 2026-11-02, due 2026-11-30 24:00): what a department user must publish, fix and answer, in their scope only,
// each with its fix, counted and cut at the lists' limits.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { raiseAlert } from '../alerts/apply-findings';
import { scopeOf } from '../auth/scope';
import { actOnComplaint } from '../complaints/act-on-complaint';
import { fileComplaint } from '../complaints/file-complaint';
import { sql } from '../db/sql';
import { AT, createPageWorld, type PageWorld } from '../departments/test-fixtures';
import { ingestItem } from '../items/ingest-item';
import { getWorkspace, WORKSPACE_PAGE_ROWS, type WorkspaceLimits } from './get-workspace';

let world: PageWorld;
const FIRST_PAGE: WorkspaceLimits = { overdue: WORKSPACE_PAGE_ROWS, dueSoon: WORKSPACE_PAGE_ROWS, alerts: WORKSPACE_PAGE_ROWS, complaints: WORKSPACE_PAGE_ROWS };

async function workspaceAt(at: Date, limits: WorkspaceLimits = FIRST_PAGE, scope = world.scopes.dept) {
  const workspace = await getWorkspace(sql, scope, limits, at);
  if (workspace === 'no_department') throw new Error('no department');
  return workspace;
}

beforeAll(async () => {
  world = await createPageWorld(sql);
});

describe('getWorkspace', () => {
  it('lists an obligation due within 5 working days as due soon, then as overdue once its day has passed', async () => {
    const before = await workspaceAt(AT.beforeWarn);
    expect(before.overdue).toEqual({ rows: [], total: 0 });
    expect(before.dueSoon.total).toBe(1);
    expect(before.dueSoon.rows[0]).toMatchObject({ item: { id: world.items.unpublished }, dueDay: '2026-11-30', level: 'none' });

    const after = await workspaceAt(AT.overdue);
    expect(after.dueSoon).toEqual({ rows: [], total: 0 });
    expect(after.overdue.total).toBe(1);
    expect(after.overdue.rows[0]).toMatchObject({ item: { id: world.items.unpublished }, level: 'orange' });
    // the deadline is explained by the one deadline module
    expect(after.overdue.rows[0]!.deadline.explanation).toContain('到期：2026-11-30 24:00 前');
    expect(after.department).toMatchObject({ id: world.department.id, name: '测试县生态环境局' });
  });

  it('lists open alerts most severe first, each with its fix, counted by level and cut at the limit', async () => {
    const [obligation] = await sql<{ id: number }[]>`select id from obligations where item_id = ${world.items.unpublished}`;
    const [rule] = await sql<{ id: number }[]>`
      insert into rules (kind, name, scope_region_code, params, level, created_at, updated_at)
      values ('channel', '渠道（工作台测试）', ${world.regions.province.code}, '{}', 'yellow', ${new Date()}, ${new Date()})
      returning id`;
    await sql.begin(async (tx) => {
      await raiseAlert(
        tx,
        {
          ruleKind: 'deadline',
          subjectType: 'obligation',
          subjectId: obligation!.id,
          ruleId: rule!.id,
          level: 'red',
          subjectVersion: 1,
          itemId: world.items.unpublished,
          obligationId: obligation!.id,
          departmentId: world.department.id,
          regionCode: world.regions.county.code,
          domain: 'environment',
          message: '严重超期：测试事项，应于 2026-11-30 前公开',
        },
        AT.overdue,
      );
      await raiseAlert(
        tx,
        {
          ruleKind: 'channel',
          subjectType: 'item',
          subjectId: world.items.incomplete,
          ruleId: rule!.id,
          level: 'yellow',
          subjectVersion: 1,
          itemId: world.items.incomplete,
          departmentId: world.department.id,
          regionCode: world.regions.county.code,
          domain: 'environment',
          message: '未在以下渠道发布：政府信息公开平台',
          details: { missing: ['open_platform'] },
        },
        AT.overdue,
      );
    });

    const workspace = await workspaceAt(AT.overdue);
    expect(workspace.alerts.total).toBe(3);
    expect(workspace.alerts.byLevel).toEqual({ red: 1, orange: 1, yellow: 1 });
    expect(workspace.alerts.rows.map(({ alert, fix }) => [alert.rule.kind, alert.level, fix.kind, fix.label, fix.href])).toEqual([
      ['deadline', 'red', 'publish', '发布该信息', `/workspace/publish?item=${world.items.unpublished}`],
      ['completeness', 'orange', 'complete', '补全要素', `/workspace/publish?item=${world.items.incomplete}`],
      ['channel', 'yellow', 'add_channel', '补发渠道：政府信息公开平台', `/workspace/publish?item=${world.items.incomplete}`],
    ]);

    const cut = await workspaceAt(AT.overdue, { ...FIRST_PAGE, alerts: 1 });
    expect(cut.alerts.rows.map(({ alert }) => alert.level)).toEqual(['red']);
    expect(cut.alerts.total).toBe(3);
  });

  it('lists complaints dispatched to the department: to sign for, then to answer; none before dispatch', async () => {
    const handler = scopeOf({
      id: 1,
      username: 'workspace-test',
      role: 'handler',
      regionCode: world.regions.county.code,
      regionPath: world.regions.county.path,
      departmentId: null,
    });
    const receivedAt = new Date('2026-12-01T09:00:00+08:00');
    const filed = await fileComplaint(
      sql,
      null,
      { channel: 'online', content: `环评批复一直没有公开，请尽快公开（${randomBytes(3).toString('hex')}）。`, phone: '13812345678', regionId: world.regions.county.code },
      receivedAt,
    );
    if (!filed.ok) throw new Error(filed.message);
    const { id } = filed;

    expect((await workspaceAt(AT.overdue)).complaints).toEqual({ rows: [], total: 0, toAccept: 0, toReply: 0 });

    const assigned = await actOnComplaint(sql, handler, id, { action: 'assign', departmentId: world.department.id }, new Date('2026-12-01T10:00:00+08:00'));
    expect(assigned.ok).toBe(true);
    const toAccept = await workspaceAt(AT.overdue);
    expect(toAccept.complaints).toMatchObject({ total: 1, toAccept: 1, toReply: 0 });
    expect(toAccept.complaints.rows.map((row) => [row.complaint.id, row.todo])).toEqual([[id, 'accept']]);

    const accepted = await actOnComplaint(sql, world.scopes.dept, id, { action: 'accept' }, new Date('2026-12-01T11:00:00+08:00'));
    expect(accepted.ok).toBe(true);
    const toReply = await workspaceAt(AT.overdue);
    expect(toReply.complaints).toMatchObject({ total: 1, toAccept: 0, toReply: 1 });
    expect(toReply.complaints.rows.map((row) => [row.complaint.id, row.todo])).toEqual([[id, 'reply']]);

    // another department of the county sees none of it
    const other = await workspaceAt(AT.overdue, FIRST_PAGE, world.scopes.otherDept);
    expect(other.complaints.total).toBe(0);
  });

  it('shows another department nothing of this one, and has nothing for a user without a department', async () => {
    const other = await workspaceAt(AT.overdue, FIRST_PAGE, world.scopes.otherDept);
    expect(other.department.id).toBe(world.otherDepartment.id);
    expect(other.overdue.total).toBe(0);
    expect(other.alerts).toMatchObject({ rows: [], total: 0 });
    expect(await getWorkspace(sql, world.scopes.supervisor, FIRST_PAGE, AT.overdue)).toBe('no_department');
  });

  it('drops the obligation from the overdue list once the item is published by hand through ingest', async () => {
    const [stored] = await sql<{ external_id: string }[]>`select external_id from items where id = ${world.items.unpublished}`;
    const published = await ingestItem(sql, {
      department: world.department,
      payload: {
        externalId: stored!.external_id,
        catalogCode: world.entries.workingDays.code,
        title: '尚未公开的环评批复',
        formedAt: '2026-11-02T10:00:00+08:00',
        publishedAt: '2026-12-03T08:50:00+08:00',
        channels: ['website', 'open_platform'],
        indexNo: `${world.department.orgCode}/2026-00009`,
        body: '正文',
      },
      receivedAt: AT.overdue,
      actor: 'workspace-test',
    });
    expect(published).toMatchObject({ ok: true, created: false, id: world.items.unpublished });
    const workspace = await workspaceAt(AT.overdue);
    expect(workspace.overdue).toEqual({ rows: [], total: 0 });
  });
});
