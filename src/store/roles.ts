// Database roles on a PostgreSQL server. With ECOCIV_MIGRATION_URL the schema is made and changed by the
// role that owns it, and the server (DATABASE_URL) runs as an application role that owns nothing: after the
// migrations, every start, the owner grants it exactly what it needs — SELECT, INSERT, UPDATE, DELETE on the
// tables, USAGE and SELECT on the sequences — and takes back what it must not have: on audit_log only SELECT
// and INSERT, on schema_migrations only SELECT, no TRUNCATE, REFERENCES or TRIGGER anywhere, no CREATE in the
// schema. Not owning audit_log, the application role cannot TRUNCATE it, disable or drop its trigger, or
// drop it. The grants name ALL TABLES IN SCHEMA, so tables that later migrations add are covered.
import { t } from '../i18n/index.ts';
import { openDb, type Db, type Queryable } from './db.ts';

/** The two roles cannot be set up as configured; the message says what to change. */
export class RoleSetupError extends Error {
  override name = 'RoleSetupError';
}

export interface Connection {
  role: string;
  schema: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The role a connection runs as and the schema it works in. */
export async function connectionOf(db: Queryable): Promise<Connection> {
  const r = await db.query<Connection>('SELECT current_user::text AS role, current_schema()::text AS schema');
  return r.rows[0]!;
}

/** Refuses an application role that could undo the protection: a superuser, a member of the owner role, an owner of objects in the schema. */
export async function checkApplicationRole(owner: Queryable, app: Connection, ownerRole: string): Promise<void> {
  const r = await owner.query<{ superuser: boolean; member: boolean; owns: string[] }>(
    `SELECT a.rolsuper AS superuser, pg_has_role(a.oid, o.oid, 'MEMBER') AS member,
       ARRAY(SELECT x FROM (
         SELECT format('%s', n.nspname) AS x FROM pg_namespace n WHERE n.nspname = $3 AND n.nspowner = a.oid
         UNION ALL SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $3 AND c.relowner = a.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
         UNION ALL SELECT p.proname::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $3 AND p.proowner = a.oid
       ) owned ORDER BY x LIMIT 6) AS owns
     FROM pg_roles a, pg_roles o WHERE a.rolname = $1 AND o.rolname = $2`,
    [app.role, ownerRole, app.schema],
  );
  const found = r.rows[0];
  if (!found) return;
  const why = [
    ...(found.superuser ? [t('integrity.roles.why.superuser')] : []),
    ...(found.member ? [t('integrity.roles.why.member')] : []),
    ...(found.owns.length > 0 ? [t('integrity.roles.why.owns', { objects: found.owns.join('、') })] : []),
  ];
  if (why.length > 0) throw new RoleSetupError(t('integrity.roles.appTooStrong', { role: app.role, owner: ownerRole, why: why.join('；') }));
}

/** The application role's privileges, set by the owner after the migrations (see the top of this file). */
export async function grantApplicationRole(owner: Db, app: Connection): Promise<void> {
  const s = ident(app.schema);
  const r = ident(app.role);
  await owner.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(771001)'); // beside other starters' migrations
    await tx.exec(`
      GRANT USAGE ON SCHEMA ${s} TO ${r};
      REVOKE CREATE ON SCHEMA ${s} FROM ${r};
      REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};
      REVOKE INSERT, UPDATE, DELETE ON ${s}.schema_migrations FROM ${r};
      REVOKE UPDATE, DELETE ON ${s}.audit_log FROM ${r};
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};`);
  });
}

/**
 * Work that replaces the schema's contents (a restore) done as the owner role, the application role's
 * grants set again afterwards (a restore from an older schema rebuilds the tables). Without a migration URL,
 * or on the embedded store, fn gets the store itself.
 */
export async function asOwner<T>(db: Db, migrationUrl: string | undefined, fn: (owner: Db) => Promise<T>): Promise<T> {
  if (!migrationUrl || db.kind !== 'postgres') return fn(db);
  const appRole = (await connectionOf(db)).role;
  const owner = await openDb({ databaseUrl: migrationUrl });
  try {
    const own = await connectionOf(owner);
    const out = await fn(owner);
    if (own.role !== appRole) await grantApplicationRole(owner, { role: appRole, schema: own.schema });
    return out;
  } finally {
    await owner.close();
  }
}
