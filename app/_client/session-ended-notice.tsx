'use client';

// Shown over any live page once its session ended, for the moment before the login page replaces it.
import { Alert } from 'antd';

export function SessionEndedNotice() {
  return (
    <div style={{ position: 'fixed', top: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 1100, minWidth: 360 }}>
      <Alert type="warning" showIcon role="alert" data-testid="session-ended" title="登录已失效，请重新登录" description="正在前往登录页…" />
    </div>
  );
}
