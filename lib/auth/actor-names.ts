// What a page shows for who did something. Histories keep the actor as text — a username, `apikey:<prefix>`
// for a CMS posting through its key, or `system` — so the names are looked up when read: a user's 姓名,
// a key's label, 系统. Anything else (群众 on a citizen's step) reads as it is stored.
import type { Db } from '../db/sql';

const KEY_ACTOR = 'apikey:';

function storedName(actor: string): string {
  if (actor === 'system') return '系统';
  if (actor.startsWith(KEY_ACTOR)) return `接口（密钥 ${actor.slice(KEY_ACTOR.length)}）`;
  return actor;
}

export async function actorNames(db: Db, actors: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(actors)];
  const names = new Map(unique.map((actor) => [actor, storedName(actor)]));
  const usernames = unique.filter((actor) => actor !== 'system' && !actor.startsWith(KEY_ACTOR));
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
