// Chinese UI text of the 账号 (users) page. users.en.ts carries the same keys.
const zhCNUsers = {
  'users.title': "账号与角色",
  'users.new': "新建账号",
  'users.edit': "修改",
  'users.save': "保存",
  'users.saved': "已保存。",
  'users.col.username': "用户名",
  'users.col.name': "姓名",
  'users.col.roles': "角色",
  'users.col.locked': "锁定",
  'users.col.enabled': "启用",
  'users.lockedUntil': "锁定至 {until}",
  'users.newPassword': "新密码（不改则留空；改后其会话结束）",
  'users.region': "地区",
  'users.regionAll': "留空：全部地区（系统管理员）",
  'users.unit': "所属单位",
  'users.unitHint': "如：县水利局（须为本地区的牵头单位）",
  'users.role.admin': "系统管理员",
  'users.role.planOffice': "规划管理员（创建办）",
  'users.role.clerk': "填报员",
  'users.role.reviewer': "审核员",
  'users.role.leader': "领导",
  'users.role.public': "公众",
} as const;

export default zhCNUsers;
