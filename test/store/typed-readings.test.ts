// Readings as typed columns (migration 11): filled from the jsonb for rows already stored, filled for every
// write, equal to what the jsonb says for every row, and giving the same statuses as the jsonb.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessRegions } from '../../src/app/assessRegions.ts';
import type { FrameworkSummary } from '../../src/domain/assess.ts';
import type { ReadValue } from '../../src/domain/phrase.ts';
import { openDb, type Db } from '../../src/store/db.ts';
import { migrate, MIGRATIONS } from '../../src/store/migrations.ts';
import { decodeReading, valueFromColumns, VALUE_COLUMNS } from '../../src/store/reading.ts';
import { recordObservations } from '../../src/store/recordObservations.ts';
import { ENGINES, freshSchema, openTestStore, type Engine, type TestStore } from '../helpers/stores.ts';

/** A store with no migrations run yet, on either engine. */
async function emptyDb(engine: Engine): Promise<{ db: Db; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const db = await openDb({ dataDir: 'memory://' });
    return { db, close: () => db.close() };
  }
  const schema = await freshSchema();
  const db = await openDb({ databaseUrl: schema.url });
  return {
    db,
    async close() {
      await db.close();
      await schema.drop();
    },
  };
}

interface Row {
  key: string;
  typed: ReturnType<typeof valueFromColumns>;
  jsonb: ReadValue['value'];
}

/** Every observation's value as the typed columns give it beside the value the jsonb says is in force. */
async function typedAndJsonb(db: Db): Promise<Row[]> {
  const rows = await db.queryArrays!(
    `SELECT ${VALUE_COLUMNS}, value_pieces,
            region_id || ':' || indicator_id || ':' || part || ':' || year, reading, correction
     FROM observations ORDER BY region_id, indicator_id, part, year`,
  );
  return rows.map((r) => {
    const reading = r[11] as ReadValue;
    const correction = r[12] as { reading: ReadValue } | null;
    return { key: r[10] as string, typed: valueFromColumns(r, 0, r[9]), jsonb: decodeReading(correction ? correction.reading : reading).value };
  });
}

describe.each(ENGINES)('typed readings on %s', (engine) => {
  it('migration 11 fills the typed columns of rows stored before it, from the jsonb', async () => {
    const { db, close } = await emptyDb(engine);
    try {
      await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const m of MIGRATIONS.filter((x) => x.version < 11)) {
        await db.exec(m.sql);
        await db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      const reading = (value: object) => JSON.stringify({ value, marks: [], asterisk: false, flags: [], notes: [] });
      await db.exec(`INSERT INTO regions (name, level) VALUES ('某县', '区县');
        INSERT INTO frameworks (id, name, version) VALUES ('f', '某体系', '1');
        INSERT INTO indicators (framework_id, position, number, name, definition) VALUES ('f', 0, '1', '某指标', '{}');`);
      const rows: Array<[number, string, string | null]> = [
        [2020, reading({ kind: 'number', lo: 70, hi: '+inf', loOpen: true, hiOpen: false }), null], // 大于70
        [2021, reading({ kind: 'number', lo: 98.1, hi: 98.1, loOpen: false, hiOpen: false, trend: 'stable' }), null],
        // a printing error corrected in the document: the correction's reading is the one in force
        [2022, reading({ kind: 'number', lo: 9.2, hi: 9.2, loOpen: false, hiOpen: false }), JSON.stringify({ printed: '92', reason: '印刷错误', reading: JSON.parse(reading({ kind: 'number', lo: 92, hi: 92, loOpen: false, hiOpen: false })) })],
        [2023, reading({ kind: 'state', level: 3, word: '建立实施' }), null],
        [2024, reading({ kind: 'composite', parts: [{ kind: 'done', word: '完成上级规定的目标任务' }, { kind: 'trend', trend: 'decrease', estimated: true }] }), null],
      ];
      for (const [year, r, c] of rows)
        await db.query(`INSERT INTO observations (region_id, indicator_id, year, printed, reading, correction) VALUES (1, 1, $1, 'x', $2::jsonb, $3::jsonb)`, [year, r, c]);
      expect((await migrate(db))[0]).toBe(11);
      const cols = await db.query<Record<string, unknown>>(`SELECT year, ${VALUE_COLUMNS} FROM observations ORDER BY year`);
      expect(cols.rows.map((r) => [r.year, r.value_kind, r.value_lo, r.value_hi, r.value_lo_open, r.value_hi_open, r.value_trend, r.value_level, r.value_word, r.value_estimated])).toEqual([
        [2020, 'number', 70, Number.POSITIVE_INFINITY, true, false, null, null, null, null],
        [2021, 'number', 98.1, 98.1, false, false, 'stable', null, null, null],
        [2022, 'number', 92, 92, false, false, null, null, null, null],
        [2023, 'state', null, null, null, null, null, 3, '建立实施', null],
        [2024, 'composite', null, null, null, null, null, null, null, null],
      ]);
      for (const r of await typedAndJsonb(db)) expect(r.typed, r.key).toEqual(r.jsonb);
    } finally {
      await close();
    }
  });

  describe('on the built-in data', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(engine);
    });
    afterAll(async () => {
      await store?.close();
    });

    it('every row loaded from the documents and entered by a unit has typed columns equal to its jsonb', async () => {
      await recordObservations(store.db, [
        { plan: 'wushan-demo-county', framework: 'national-demo-county', number: '29', year: 2022, printed: '大于90' },
        { plan: 'wushan-demo-county', framework: 'national-demo-county', number: '31', year: 2022, printed: '52.5' },
        { plan: 'qianjiang-apeng-two-mountains', framework: 'two-mountains-base', number: '11', year: 2023, printed: '39.2%' },
      ]);
      const rows = await typedAndJsonb(store.db);
      const kinds = await store.db.query<{ origin: string; value_kind: string; n: number }>(
        'SELECT origin, value_kind, count(*)::int AS n FROM observations GROUP BY origin, value_kind ORDER BY origin, value_kind',
      );
      // documents and entries alike, and every kind of value the plans print, composites and corrections included
      expect(new Set(kinds.rows.map((k) => k.origin))).toEqual(new Set(['document', 'entry']));
      expect(new Set(kinds.rows.map((k) => k.value_kind))).toEqual(new Set(['number', 'state', 'trend', 'done', 'absent', 'none', 'composite']));
      expect((await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations WHERE correction IS NOT NULL')).rows[0]!.n).toBeGreaterThan(0);
      expect((await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations WHERE value_kind IS NULL')).rows[0]!.n).toBe(0);
      for (const r of rows) expect(r.typed, r.key).toEqual(r.jsonb);
      // the entered 大于90 of a percentage: an open lower end, and no more than 100
      const entered = await store.db.query<{ value_lo: number; value_hi: number; value_lo_open: boolean }>(
        "SELECT value_lo, value_hi, value_lo_open FROM observations WHERE origin = 'entry' AND printed = '大于90'",
      );
      expect(entered.rows).toEqual([{ value_lo: 90, value_hi: 100, value_lo_open: true }]);
    });

    it('the typed columns cannot be written apart from the jsonb', async () => {
      await expect(store.db.exec("UPDATE observations SET value_kind = 'none'")).rejects.toThrow(/value_kind/);
    });

    it('statuses and scores from the typed columns equal those from the jsonb, for every year and framework', async () => {
      const frameworkIds = (await store.db.query<{ id: string }>('SELECT id FROM frameworks ORDER BY id')).rows.map((r) => r.id);
      const years = (await store.db.query<{ year: number }>('SELECT DISTINCT year FROM observations ORDER BY year')).rows.map((r) => r.year);
      expect(frameworkIds.length).toBeGreaterThanOrEqual(3);
      let evaluations = 0;
      for (const year of years) {
        const per = { typed: new Map<string, FrameworkSummary>(), jsonb: new Map<string, FrameworkSummary>() };
        for (const readings of ['typed', 'jsonb'] as const) {
          const totals = await assessRegions(store.db, {
            frameworkIds,
            year,
            targetYears: [2024, 2027],
            readings,
            onRegion: (regionId, fw, s) => per[readings].set(`${regionId}|${fw}`, s),
          });
          if (readings === 'typed') evaluations += totals.reduce((s, t) => s + t.evaluations, 0);
        }
        expect(per.typed.size).toBeGreaterThan(0);
        expect(Object.fromEntries(per.typed)).toEqual(Object.fromEntries(per.jsonb));
      }
      expect(evaluations).toBeGreaterThan(0);
    });
  });
});
