// What a page shows for who did something. Histories keep the actor as text — a username, `apikey:<prefix>`
// for a CMS posting through its key, `cli:<script>` for an operator's command, or `system` — so the names
// are looked up when read: a user's 姓名, a key's label, 命令行, 系统. Anything else (群众 on a citizen's
// step) reads as it is stored. Pages show a user's 姓名 with the username beside it in a tooltip
// (app/(dashboard)/_components/staff-name.tsx).
import type { Db } from '../db/sql';

const KEY_ACTOR = 'apikey:';
const CLI_ACTOR = 'cli:';

function storedName(actor: string): string {
  if (actor === 'system') return '系统';
  if (actor.startsWith(KEY_ACTOR)) return `接口（密钥 ${actor.slice(KEY_ACTOR.length)}）`;
  if (actor.startsWith(CLI_ACTOR)) return `命令行（${actor.slice(CLI_ACTOR.length)}）`;
  return actor;
}

/** Whether a stored actor is (or may be) a user's username, rather than the system, a key or a command. */
export function isUsernameActor(actor: string): boolean {
  return actor !== 'system' && !actor.startsWith(KEY_ACTOR) && !actor.startsWith(CLI_ACTOR);
}

export async function actorNames(db: Db, actors: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(actors)];
  const names = new Map(unique.map((actor) => [actor, storedName(actor)]));
  const usernames = unique.filter(isUsernameActor);
  const prefixes = unique.filter((actor) => actor.startsWith(KEY_ACTOR)).map((actor) => actor.slice(KEY_ACTOR.length));
  const [users, keys] = await Promise.all([
    usernames.length === 0
      ? []
      : db<{ username: string; display_name: string }[]>`select username, display_name from users where username = any(${usernames})`,
    prefixes.length === 0
      ? []
      : db<{ key_prefix: string; label: string }[]>`
          select distinct on (key_prefix) key_prefix, label from api_keys
          where key_prefix = any(${prefixes}) and label <> '' order by key_prefix, id`,
  ]);
  for (const user of users) names.set(user.username, user.display_name);
  for (const key of keys) names.set(`${KEY_ACTOR}${key.key_prefix}`, `接口（${key.label}）`);
  return names;
}

/** The same names as a plain record, for rows handed to a page (a Map does not cross to a client component). */
export async function actorNameRecord(db: Db, actors: Iterable<string | null>): Promise<Record<string, string>> {
  return Object.fromEntries(await actorNames(db, [...actors].filter((actor): actor is string => actor !== null)));
}
