'use client';

// Who did something, as every page shows it: the person's 姓名, with the username (what histories store and
// what the audit search takes) in a tooltip. The system, a CMS key or a command reads as its name alone.
import { Tooltip } from 'antd';
import { isUsernameActor } from '../../../lib/auth/actor-names';

export function StaffName({ actor, name }: { actor: string; name?: string | null }) {
  const shown = name || actor;
  if (!isUsernameActor(actor) || shown === actor) return <span>{shown}</span>;
  return (
    <Tooltip title={`用户名：${actor}`}>
      <span tabIndex={0} data-username={actor} style={{ cursor: 'help' }}>
        {shown}
      </span>
    </Tooltip>
  );
}

/** The same as plain text, where a tooltip already holds it: 姓名（username）. */
export function staffText(actor: string, name?: string | null): string {
  const shown = name || actor;
  return !isUsernameActor(actor) || shown === actor ? shown : `${shown}（${actor}）`;
}
