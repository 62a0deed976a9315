// `ecociv users add|list|set-password`: accounts from the command line (the first administrator of an
// embedded store, or a reset). The password comes from ECOCIV_PASSWORD or the first line of stdin.
import { cliActor } from '../auth/roles.ts';
import type { Db } from '../store/db.ts';
import type { CliIo } from './io.ts';
import { createUser, listUsers, updateUser } from '../store/users.ts';
import { renderTable } from './table.ts';

export class UsersUsageError extends Error {}

export const USERS_HELP = `  ecociv users add <用户名> --name 姓名 --role admin|planOffice|clerk|reviewer|leader|public [--region 地区] [--unit 单位]
                                         新建账号（密码取自环境变量 ECOCIV_PASSWORD 或标准输入的第一行）
  ecociv users list                      列出账号及其角色
  ecociv users set-password <用户名>      重设密码（同上），并结束该账号的所有会话`;

export async function runUsers(db: Db, io: CliIo, args: string[], o: { name?: string; role?: string; region?: string; unit?: string; format: 'table' | 'json' }): Promise<number> {
  const [sub, username] = args;
  if (sub === 'list') {
    const users = await listUsers(db, cliActor());
    if (o.format === 'json') io.out(JSON.stringify(users, null, 2));
    else
      io.out(
        renderTable(
          ['用户名', '姓名', '角色', '状态'],
          users.map((u) => [u.username, u.displayName, u.roles.map((g) => `${g.role}${g.regionName ? `@${g.regionName}` : ''}${g.unit ? `/${g.unit}` : ''}`).join('，'), u.disabled ? '停用' : '正常']),
        ),
      );
    return 0;
  }
  if (sub === 'add') {
    if (!username || !o.role) throw new UsersUsageError(`请指定用户名和 --role。\n\n${USERS_HELP}`);
    const password = await io.password();
    const r = await createUser(db, { username, displayName: o.name ?? username, password, roles: [{ role: o.role, region: o.region ?? null, unit: o.unit ?? null }] }, cliActor());
    io.out(o.format === 'json' ? JSON.stringify(r) : `已新建账号 ${username}（编号 ${r.id}）。`);
    return 0;
  }
  if (sub === 'set-password') {
    const u = (await listUsers(db, cliActor())).find((x) => x.username.toLowerCase() === String(username ?? '').toLowerCase());
    if (!u) throw new UsersUsageError(`没有账号“${username ?? ''}”。`);
    await updateUser(db, u.id, { password: await io.password() }, cliActor());
    io.out(`已重设 ${u.username} 的密码，其所有会话已结束。`);
    return 0;
  }
  throw new UsersUsageError(`users 的子命令“${sub ?? ''}”无效。\n\n${USERS_HELP}`);
}
