// Integrity text (signed backups, the backup key, database roles), Chinese. Same keys as integrity.en.ts.
export const integrityZhCN: Record<string, string> = {
  'integrity.backup.unsigned':
    '备份文件 {file} 没有签名，无法确认它出自本机、备份后未被改动（升级到签名备份之前做的备份都没有签名）。已拒绝恢复，未做任何改动。' +
    '如果您确认这份文件来源可靠（例如是升级前自己做的备份），请加上 --trust-unsigned 再恢复：ecociv restore --trust-unsigned {file}',
  'integrity.backup.badSignature':
    '备份文件 {file} 的签名与本机的备份密钥（{keySource}）不符：文件在备份后被改动过，或是用另一台机器的密钥签名的。已拒绝恢复，未做任何改动。' +
    '如果备份来自另一台机器，请把那台机器的备份密钥文件复制过来，并用 ECOCIV_BACKUP_KEY_FILE 指向它；只有在确认文件可信时，才加上 --trust-unsigned 恢复。',
  'integrity.backup.noKey':
    '备份文件 {file} 带有签名，但本机还没有备份密钥（{keySource}），无法核对签名。已拒绝恢复，未做任何改动。' +
    '请把制作备份的那台机器的备份密钥文件复制到 {keyFile}（只允许本用户读写：chmod 600），或用 ECOCIV_BACKUP_KEY_FILE 指向它；只有在确认文件可信时，才加上 --trust-unsigned 恢复。',
  'integrity.backup.trusted': '注意：按 --trust-unsigned 恢复，未核对签名（{reason}）。',
  'integrity.backup.reason.unsigned': '文件没有签名',
  'integrity.backup.reason.badSignature': '签名与本机密钥不符',
  'integrity.backup.reason.noKey': '本机没有备份密钥',
  'integrity.backup.signed': '备份已用本机的备份密钥签名（{keySource}）。',
  'integrity.key.fromEnv': '环境变量 ECOCIV_BACKUP_KEY',
  'integrity.key.fromFile': '密钥文件 {file}',
  'integrity.key.created': '已生成本机的备份密钥 {file}（只允许本用户读写）。请把它与备份分开妥善保存：没有它，就无法核对这些备份的签名。',
  'integrity.key.tooShort': '{source} 中的备份密钥只有 {length} 个字符，至少需要 32 个字符（可用 openssl rand -hex 32 生成）。',
  'integrity.key.openPermissions': '备份密钥文件 {file} 的权限是 {mode}，其他用户也能读取或改写；请执行 chmod 600 {file} 后重试。',
  'integrity.key.unreadable': '无法读取或创建备份密钥文件 {file}：{detail}。请检查目录和权限，或用 ECOCIV_BACKUP_KEY_FILE 指定别的位置。',
  'integrity.roles.single':
    '注意：未设置 ECOCIV_MIGRATION_URL，数据库结构和日常读写用的是同一个数据库角色：审计记录只能防止修改和删除，不能防止这个角色清空审计表或停用其触发器。' +
    '要得到完整的保护，请让 ECOCIV_MIGRATION_URL 使用表的所有者角色，DATABASE_URL 使用只有读写权限的应用角色。',
  'integrity.roles.granted': '已为应用角色 {role} 设置权限：日常数据可读写，审计记录只能读取和追加。',
  'integrity.roles.needsServer': 'ECOCIV_MIGRATION_URL 只用于 PostgreSQL 服务器：请同时用 DATABASE_URL 指定应用角色的连接。',
  'integrity.roles.schemaDiffers':
    'ECOCIV_MIGRATION_URL 与 DATABASE_URL 指向不同的模式（所有者角色为 {ownerSchema}，应用角色为 {appSchema}）：两者必须是同一个数据库的同一个模式（search_path）。',
  'integrity.roles.appTooStrong':
    '应用角色 {role} 的权限过大（{why}），审计记录无法得到保护。请让 DATABASE_URL 使用一个普通的登录角色：不是超级用户，不是所有者角色 {owner} 的成员，也不拥有任何表。' +
    '可由数据库管理员执行 REASSIGN OWNED BY {role} TO {owner}; 后重试。',
  'integrity.roles.why.superuser': '是超级用户',
  'integrity.roles.why.member': '是所有者角色的成员',
  'integrity.roles.why.owns': '拥有 {objects}',
};
