// An alert payload for unit tests of the browser-side logic, with only what a test cares about given.
import type { Alert } from './alert';

export function testAlert(overrides: Partial<Alert> & Pick<Alert, 'id' | 'seq'>): Alert {
  return {
    rule: { id: 1, kind: 'completeness' },
    level: 'orange',
    state: 'open',
    subject: { type: 'item', id: overrides.id, title: '关于2026年第三季度财政预算执行情况的公告' },
    itemId: overrides.id,
    obligationId: null,
    complaintId: null,
    requestId: null,
    departmentId: 10,
    departmentName: '测试县生态环境局',
    positionId: null,
    assignedDepartmentId: null,
    assignedDepartmentName: null,
    assignedPositionId: null,
    assignedPositionName: null,
    regionId: '320105',
    domain: 'environment',
    message: '要素不全：缺少索引号',
    details: {},
    openedAt: '2026-11-26T02:00:00.000Z',
    updatedAt: '2026-11-26T02:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    resolvedAt: null,
    resolvedBy: null,
    resolvedByName: null,
    resolution: null,
    resolveReason: null,
    ...overrides,
  };
}
