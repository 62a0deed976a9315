// Integrity text (signed backups, the backup key, database roles), English. Same keys as integrity.zh-CN.ts.
export const integrityEn: Record<string, string> = {
  'integrity.backup.unsigned':
    'The backup file {file} is not signed, so there is no telling that it comes from this installation and was not changed after the backup (backups made before backups were signed have no signature). Restore refused; nothing was changed. ' +
    'If you are sure the file can be trusted (for example a backup you made yourself before the upgrade), restore it with --trust-unsigned: ecociv restore --trust-unsigned {file}',
  'integrity.backup.badSignature':
    'The signature of the backup file {file} does not match this installation’s backup key ({keySource}): the file was changed after the backup, or it was signed with another installation’s key. Restore refused; nothing was changed. ' +
    'If the backup comes from another installation, copy that installation’s key file here and point ECOCIV_BACKUP_KEY_FILE at it; use --trust-unsigned only if you are sure the file can be trusted.',
  'integrity.backup.noKey':
    'The backup file {file} is signed, but this installation has no backup key yet ({keySource}) to check the signature with. Restore refused; nothing was changed. ' +
    'Copy the key file of the installation that made the backup to {keyFile} (readable by this user only: chmod 600), or point ECOCIV_BACKUP_KEY_FILE at it; use --trust-unsigned only if you are sure the file can be trusted.',
  'integrity.backup.trusted': 'Note: restoring with --trust-unsigned, the signature not checked ({reason}).',
  'integrity.backup.reason.unsigned': 'the file is not signed',
  'integrity.backup.reason.badSignature': 'the signature does not match this installation’s key',
  'integrity.backup.reason.noKey': 'this installation has no backup key',
  'integrity.backup.signed': 'The backup is signed with this installation’s backup key ({keySource}).',
  'integrity.key.fromEnv': 'the environment variable ECOCIV_BACKUP_KEY',
  'integrity.key.fromFile': 'the key file {file}',
  'integrity.key.created': 'Created this installation’s backup key {file} (readable by this user only). Keep it safe and apart from the backups: without it their signatures cannot be checked.',
  'integrity.key.tooShort': 'The backup key in {source} has {length} characters; at least 32 are needed (make one with openssl rand -hex 32).',
  'integrity.key.openPermissions': 'The backup key file {file} has mode {mode}: other users can read or change it. Run chmod 600 {file} and try again.',
  'integrity.key.unreadable': 'The backup key file {file} cannot be read or created: {detail}. Check the directory and its permissions, or choose another place with ECOCIV_BACKUP_KEY_FILE.',
  'integrity.roles.single':
    'Note: ECOCIV_MIGRATION_URL is not set, so the schema and the everyday reads and writes use one database role: the audit trail is protected against UPDATE and DELETE only, not against that role emptying the audit table or disabling its trigger. ' +
    'For full protection let ECOCIV_MIGRATION_URL use the role that owns the tables and DATABASE_URL an application role that may only read and write.',
  'integrity.roles.granted': 'Permissions set for the application role {role}: everyday data read and written, the audit trail only read and appended to.',
  'integrity.roles.needsServer': 'ECOCIV_MIGRATION_URL is for a PostgreSQL server only: set DATABASE_URL to the application role’s connection as well.',
  'integrity.roles.schemaDiffers':
    'ECOCIV_MIGRATION_URL and DATABASE_URL point at different schemas (the owner role at {ownerSchema}, the application role at {appSchema}): both must be the same schema (search_path) of the same database.',
  'integrity.roles.appTooStrong':
    'The application role {role} has too much power ({why}), so the audit trail cannot be protected. Let DATABASE_URL use an ordinary login role: not a superuser, not a member of the owner role {owner}, owning no tables. ' +
    'A database administrator can run REASSIGN OWNED BY {role} TO {owner}; and then try again.',
  'integrity.roles.why.superuser': 'it is a superuser',
  'integrity.roles.why.member': 'it is a member of the owner role',
  'integrity.roles.why.owns': 'it owns {objects}',
};
