'use client';

// 批量处置: the ticked alerts acknowledged, assigned or resolved in one request (POST /api/v1/alerts/bulk, one
// transaction). The answer says how many were applied and why each of the others was not; the changed rows
// arrive over the socket like anyone else's change.
import { CheckOutlined, CloseOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Typography } from 'antd';
import { useState } from 'react';
import type { Alert } from '../../../lib/alerts/alert';
import { MAX_BULK_ALERTS } from '../../../lib/alerts/bulk-limits';
import { actOnAlerts, type BulkAction, type BulkActionResult } from './wall-api';
import { AssignDialog, ResolveReasonDialog } from './alert-dialogs';
import styles from './wall.module.css';

const ACTION_NAMES: Record<BulkAction['action'], string> = { ack: '确认', resolve: '解除', assign: '指派' };

/** The refusals, one line per reason with how many alerts it stopped. */
function refusalLines(result: BulkActionResult): { message: string; count: number }[] {
  const byMessage = new Map<string, number>();
  for (const refused of result.refused) byMessage.set(refused.message, (byMessage.get(refused.message) ?? 0) + 1);
  return [...byMessage].map(([message, count]) => ({ message, count }));
}

export function BulkActionBar(props: {
  ids: readonly number[];
  /** One of the ticked alerts: its region's departments are the ones offered for 指派. */
  sample: Alert | null;
  onClear: () => void;
  onDone: (result: BulkActionResult) => void;
}) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<BulkAction['action'] | null>(null);
  const [dialog, setDialog] = useState<'resolve' | 'assign' | null>(null);
  const count = props.ids.length;

  const run = async (action: BulkAction): Promise<boolean> => {
    setBusy(action.action);
    try {
      const result = await actOnAlerts([...props.ids], action);
      const name = ACTION_NAMES[action.action];
      props.onDone(result);
      if (result.refused.length === 0) {
        message.success(`已${name} ${result.applied.length} 条预警`);
      } else {
        modal.info({
          title: `已${name} ${result.applied.length} 条，${result.refused.length} 条未处理`,
          content: (
            <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="bulk-refused">
              {refusalLines(result).map((line) => (
                <li key={line.message}>
                  {line.message}（{line.count} 条）
                </li>
              ))}
            </ul>
          ),
          okText: '知道了',
        });
      }
      return true;
    } catch (error) {
      message.error((error as Error).message);
      return false;
    } finally {
      setBusy(null);
    }
  };

  if (count === 0) return null;
  return (
    <div className={styles.bulkBar} role="toolbar" aria-label="批量处置" data-testid="bulk-bar">
      <span className={styles.bulkCount} data-testid="bulk-count">
        已选 {count.toLocaleString('zh-CN')} 条
      </span>
      <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === 'ack'} disabled={busy !== null} onClick={() => void run({ action: 'ack' })} data-testid="bulk-ack">
        批量确认
      </Button>
      <Button size="small" icon={<SendOutlined />} disabled={busy !== null} onClick={() => setDialog('assign')} data-testid="bulk-assign">
        批量指派
      </Button>
      <Button size="small" icon={<StopOutlined />} disabled={busy !== null} onClick={() => setDialog('resolve')} data-testid="bulk-resolve">
        批量解除
      </Button>
      <Button size="small" type="text" icon={<CloseOutlined />} onClick={props.onClear}>
        取消选择
      </Button>
      <span className={styles.bulkHint}>一次最多 {MAX_BULK_ALERTS} 条；不在管辖范围内或已解除的预警将逐条说明原因</span>
      <ResolveReasonDialog
        open={dialog === 'resolve'}
        title={`批量解除 ${count} 条预警`}
        placeholder="例如：经核实均已在政务服务中心公开栏公开"
        onCancel={() => setDialog(null)}
        onSubmit={async (reason) => {
          if (await run({ action: 'resolve', reason })) setDialog(null);
        }}
      >
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          人工解除视为已接受的例外，同一原因记入每条预警的处置记录；事项再次变更前，同一规则不会对其重复预警。
        </Typography.Paragraph>
      </ResolveReasonDialog>
      <AssignDialog
        alert={dialog === 'assign' ? props.sample : null}
        count={count}
        onCancel={() => setDialog(null)}
        onSubmit={async (_sample, assigneeId, positionId) => {
          if (await run({ action: 'assign', assigneeId, ...(positionId ? { positionId } : {}) })) setDialog(null);
        }}
      />
    </div>
  );
}
