// A bulk import to be killed midway (test/store/crash.test.ts). Run with `node --import tsx/esm`:
//   ECOCIV_DATA_DIR=… or DATABASE_URL=…   the store (file-backed PGlite, or a PostgreSQL schema)
//   argv[2]  observations | progress       what to import
//   argv[3]  how many statements into the import's transaction to say so on stdout ("IN-TX n")
// Prints "ENTRIES n" once the batch is built, "IN-TX n" from inside the transaction, "DONE …" if never killed.
import { loadFramework } from '../../src/store/queries.ts';
import { openStore, storeOptionsFromEnv } from '../../src/store/index.ts';
import type { Queryable } from '../../src/store/db.ts';
import { recordObservations, type ObservationEntry } from '../../src/store/recordObservations.ts';
import { recordProgress, type ProgressEntry } from '../../src/store/projectTracking.ts';
import { periodOf } from '../../src/domain/period.ts';

const kind = process.argv[2] ?? 'observations';
const signalAt = Number(process.argv[3] ?? 1000);
const db = await openStore({ ...storeOptionsFromEnv(), skipBuiltin: true });

// Say so from inside the transaction, once `signalAt` statements of it have run.
const transaction = db.transaction.bind(db);
db.transaction = <T>(fn: (tx: Queryable) => Promise<T>) =>
  transaction(async (tx) => {
    let n = 0;
    const counted: Queryable = {
      exec: (sql) => tx.exec(sql),
      async query<R>(sql: string, params?: unknown[]) {
        const r = await tx.query<R>(sql, params);
        if (++n === signalAt) process.stdout.write(`IN-TX ${n}\n`);
        return r;
      },
    };
    return fn(counted);
  });

if (kind === 'observations') {
  // Every leaf of every plan's frameworks, for every year the plans do not use: "-" (no data) always reads.
  const entries: ObservationEntry[] = [];
  const plans = (await db.query<{ id: string; frameworks: string[] }>('SELECT p.id, array_agg(f.framework_id ORDER BY f.position) AS frameworks FROM plans p JOIN plan_frameworks f ON f.plan_id = p.id GROUP BY p.id ORDER BY p.id')).rows;
  const used = new Set<string>();
  for (const p of plans) {
    for (const fwId of p.frameworks) {
      const fw = (await loadFramework(db, fwId))!;
      for (const item of fw.def.indicators) {
        for (const part of item.parts ?? [undefined]) {
          for (let year = 1949; year <= 2200; year++) {
            if ((year >= 2010 && year <= 2035) || year > 2150) continue;
            const key = `${p.id}:${fwId}:${item.number}:${part?.name ?? ''}:${year}`;
            if (used.has(key)) continue;
            used.add(key);
            entries.push({ plan: p.id, framework: fwId, number: item.number, ...(part ? { part: part.name } : {}), year, printed: '-' });
          }
        }
      }
    }
  }
  // one region can carry two plans' frameworks: keep the first entry per region, indicator and year
  const seen = new Set<string>();
  const regionOf = new Map((await db.query<{ id: string; region_id: number }>('SELECT id, region_id FROM plans')).rows.map((r) => [r.id, r.region_id]));
  const unique = entries.filter((e) => {
    const k = `${regionOf.get(e.plan)}:${e.framework}:${e.number}:${e.part ?? ''}:${e.year}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
  process.stdout.write(`ENTRIES ${unique.length}\n`);
  const r = await recordObservations(db, unique);
  process.stdout.write(`DONE ${r.recorded}\n`);
} else {
  // Every project of Wushan's plan reports every month from 2000 to 2023, cumulative rising.
  const keys = (await db.query<{ key: string }>(`SELECT key FROM projects WHERE plan_id = 'wushan-demo-county' ORDER BY position`)).rows.map((r) => r.key);
  const entries: ProgressEntry[] = [];
  for (const key of keys) {
    let month = 0;
    for (let year = 2000; year <= 2023; year++) {
      for (let m = 1; m <= 12; m++) {
        month++;
        entries.push({ plan: 'wushan-demo-county', project: key, period: periodOf(year, 'month', m).key, investmentCumulativeWan: month * 10, status: '在建', reportedOn: '2024-01-31' });
      }
    }
  }
  process.stdout.write(`ENTRIES ${entries.length}\n`);
  const r = await recordProgress(db, entries, { today: '2024-01-31' });
  process.stdout.write(`DONE ${r.recorded}\n`);
}
await db.close();
