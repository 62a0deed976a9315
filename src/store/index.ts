// Opening the store: connect, migrate, and bring the built-in data up to date.
import { DEFAULT_DATA_DIR, loadCatalog } from '../data/load.ts';
import { openDb, type Db, type DbOptions } from './db.ts';
import { hashDataDir, syncBuiltinData } from './importBuiltin.ts';
import { migrate } from './migrations.ts';

export interface StoreOptions extends DbOptions {
  /** directory of the built-in data files (default: the repository's data/) */
  builtinDir?: string;
  /** skip loading built-in data (for an empty store) */
  skipBuiltin?: boolean;
  /** progress lines (Chinese) for long work */
  onProgress?: (line: string) => void;
}

export async function openStore(opts: StoreOptions = {}): Promise<Db> {
  const db = await openDb(opts);
  try {
    const applied = await migrate(db);
    if (applied.length > 0) opts.onProgress?.(`数据库结构已更新到第 ${applied[applied.length - 1]} 版`);
    if (!opts.skipBuiltin) {
      const dir = opts.builtinDir ?? DEFAULT_DATA_DIR;
      const catalog = loadCatalog(dir);
      const loaded = await syncBuiltinData(db, catalog, hashDataDir(dir));
      if (loaded) opts.onProgress?.(`已载入内置数据：${catalog.plans.length} 个规划，${catalog.frameworks.length} 个指标体系`);
    }
    return db;
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
}

/** Configuration from the environment: DATABASE_URL, ECOCIV_DATA_DIR. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const o: StoreOptions = {};
  if (env.DATABASE_URL) o.databaseUrl = env.DATABASE_URL;
  o.dataDir = env.ECOCIV_DATA_DIR ?? 'data/store';
  return o;
}
