// English UI text of the 账号 (users) page: the same keys as users.zh-CN.ts (the type makes a missing or extra key a
// compile error).
import type zhCNUsers from './users.zh-CN.ts';

const enUsers: Record<keyof typeof zhCNUsers, string> = {
  'users.title': "Accounts and roles",
  'users.new': "New account",
  'users.edit': "Edit",
  'users.save': "Save",
  'users.saved': "Saved.",
  'users.col.username': "User name",
  'users.col.name': "Name",
  'users.col.roles': "Roles",
  'users.col.locked': "Locked",
  'users.col.enabled': "Enabled",
  'users.lockedUntil': "locked until {until}",
  'users.newPassword': "New password (leave empty to keep; changing it ends their sessions)",
  'users.region': "Region",
  'users.regionAll': "leave empty: every region (system administrator)",
  'users.unit': "Unit",
  'users.unitHint': "e.g. 县水利局 (a lead unit of the region)",
  'users.role.admin': "System administrator",
  'users.role.planOffice': "Plan office",
  'users.role.clerk': "Data clerk",
  'users.role.reviewer': "Reviewer",
  'users.role.leader': "Leader",
  'users.role.public': "Public",
};

export default enUsers;
