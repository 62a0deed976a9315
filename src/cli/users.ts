// `ecociv users add|list|set-password`: accounts from the command line (the first administrator of an
// embedded store, or a reset). The password comes from ECOCIV_PASSWORD or the first line of stdin.
import { cliActor } from '../auth/roles.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import type { CliIo } from './io.ts';
import { createUser, listUsers, updateUser } from '../store/users.ts';
import { renderTable } from './table.ts';

export class UsersUsageError extends Error {}

/** The users commands' lines of the help. */
export const usersHelp = (locale: Locale) => t('cli.help.users', {}, locale);

export async function runUsers(db: Db, io: CliIo, args: string[], o: { name?: string; role?: string; region?: string; unit?: string; format: 'table' | 'json'; locale?: Locale }): Promise<number> {
  const [sub, username] = args;
  const locale = o.locale ?? 'zh-CN';
  if (sub === 'list') {
    const users = await listUsers(db, cliActor());
    if (o.format === 'json') io.out(JSON.stringify(users, null, 2));
    else
      io.out(
        renderTable(
          (['username', 'name', 'roles', 'state'] as const).map((c) => t(`cli.users.col.${c}`, {}, locale)),
          users.map((u) => [u.username, u.displayName, u.roles.map((g) => `${g.role}${g.regionName ? `@${g.regionName}` : ''}${g.unit ? `/${g.unit}` : ''}`).join('，'), t(u.disabled ? 'cli.users.disabled' : 'cli.users.active', {}, locale)]),
        ),
      );
    return 0;
  }
  if (sub === 'add') {
    if (!username || !o.role) throw new UsersUsageError(`${t('cli.users.error.needNameRole', {}, locale)}\n\n${usersHelp(locale)}`);
    const password = await io.password();
    const r = await createUser(db, { username, displayName: o.name ?? username, password, roles: [{ role: o.role, region: o.region ?? null, unit: o.unit ?? null }] }, cliActor());
    io.out(o.format === 'json' ? JSON.stringify(r) : t('cli.users.added', { username, id: r.id }, locale));
    return 0;
  }
  if (sub === 'set-password') {
    const u = (await listUsers(db, cliActor())).find((x) => x.username.toLowerCase() === String(username ?? '').toLowerCase());
    if (!u) throw new UsersUsageError(t('cli.users.error.noAccount', { username: username ?? '' }, locale));
    await updateUser(db, u.id, { password: await io.password() }, cliActor());
    io.out(t('cli.users.passwordReset', { username: u.username }, locale));
    return 0;
  }
  throw new UsersUsageError(`${t('cli.users.error.subcommand', { value: sub ?? '' }, locale)}\n\n${usersHelp(locale)}`);
}
