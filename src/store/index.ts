// Opening the store: connect, migrate, and bring the built-in data up to date.
import { DEFAULT_DATA_DIR } from '../data/problems.ts';
import { t } from '../i18n/index.ts';
import { openDb, type Db, type DbOptions } from './db.ts';
import { builtinHash, hashDataDir, syncBuiltinData } from './importBuiltin.ts';
import { migrate } from './migrations.ts';
import { checkApplicationRole, connectionOf, grantApplicationRole, RoleSetupError } from './roles.ts';

export interface StoreOptions extends DbOptions {
  /**
   * postgres://… of the role that owns the schema (ECOCIV_MIGRATION_URL): the migrations run as it, and it then
   * grants databaseUrl's role only what the application needs (src/store/roles.ts)
   */
  migrationUrl?: string;
  /** directory of the built-in data files (default: the repository's data/) */
  builtinDir?: string;
  /** skip loading built-in data (for an empty store) */
  skipBuiltin?: boolean;
  /** progress lines (Chinese) for long work */
  onProgress?: (line: string) => void;
}

export async function openStore(opts: StoreOptions = {}): Promise<Db> {
  if (opts.migrationUrl && !opts.databaseUrl) throw new RoleSetupError(t('integrity.roles.needsServer'));
  const db = await openDb(opts);
  try {
    const applied = await migrateStore(db, opts);
    if (applied.length > 0) opts.onProgress?.(t('data.storeMigrated', { version: applied[applied.length - 1]! }));
    if (!opts.skipBuiltin) {
      const dir = opts.builtinDir ?? DEFAULT_DATA_DIR;
      // the files' bytes are hashed (cheap); they are parsed and checked (yaml, zod: slow) only when they changed
      const hash = hashDataDir(dir);
      if ((await builtinHash(db)) !== hash) {
        const { loadCatalog } = await import('../data/load.ts');
        const catalog = loadCatalog(dir);
        const loaded = await syncBuiltinData(db, catalog, hash);
        if (loaded) opts.onProgress?.(t('data.builtinLoaded', { plans: catalog.plans.length, frameworks: catalog.frameworks.length }));
      }
    }
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

let singleRoleSaid = false;

/**
 * The migrations: as the owner role when there is one (then the application role's grants), else as the
 * store's own connection — on a server that is one role for everything, which is said once per process.
 */
async function migrateStore(db: Db, opts: StoreOptions): Promise<number[]> {
  if (db.kind === 'postgres' && opts.migrationUrl) {
    // the application role may not see the schema before its first grant: the owner's schema is the one
    const appRole = (await connectionOf(db)).role;
    const owner = await openDb({ databaseUrl: opts.migrationUrl });
    try {
      const own = await connectionOf(owner);
      if (own.role !== appRole) {
        const app = { role: appRole, schema: own.schema };
        await checkApplicationRole(owner, app, own.role);
        const applied = await migrate(owner);
        await grantApplicationRole(owner, app);
        const seen = await connectionOf(db);
        if (seen.schema !== own.schema) throw new RoleSetupError(t('integrity.roles.schemaDiffers', { ownerSchema: own.schema, appSchema: seen.schema ?? '—' }));
        return applied;
      }
    } finally {
      await owner.close();
    }
  }
  const applied = await migrate(db);
  if (db.kind === 'postgres' && opts.onProgress && !singleRoleSaid) {
    singleRoleSaid = true;
    opts.onProgress(t('integrity.roles.single'));
  }
  return applied;
}

/** Configuration from the environment: DATABASE_URL, ECOCIV_MIGRATION_URL, ECOCIV_DATA_DIR. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const o: StoreOptions = {};
  if (env.DATABASE_URL) o.databaseUrl = env.DATABASE_URL;
  if (env.ECOCIV_MIGRATION_URL) o.migrationUrl = env.ECOCIV_MIGRATION_URL;
  o.dataDir = env.ECOCIV_DATA_DIR ?? 'data/store';
  return o;
}
