// Benchmark (not a test): a synthetic nation — 2,844 counties × the built-in indicators × 10 years —
// assessed (1) by the engine alone and (2) end to end from each store (PGlite and the PostgreSQL server).
//
//   npm run bench                       all three
//   npm run bench -- engine             engine only
//   npm run bench -- postgres pglite    stores only
// DATABASE_URL or TEST_DATABASE_URL picks the server (default postgres://postgres@127.0.0.1:5432/test);
// the benchmark works in its own schema and drops it afterwards (BENCH_KEEP=1 keeps and reuses it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { assessRegions } from '../src/app/assessRegions.ts';
import { assessFramework, compileFramework, summariseFramework, leafOrder } from '../src/domain/assess.ts';
import type { Db } from '../src/store/db.ts';
import { openStore } from '../src/store/index.ts';
import { ASSESS_YEAR, COUNTIES, FIRST_YEAR, FRAMEWORKS, peakRssMb, syntheticNation, YEARS } from './nation.ts';

function engineBench(): void {
  // Build every county's data first (as a store would hand it over), then time the engine alone.
  const { frameworks: fws, inputs } = syntheticNation();
  const compiled = new Map<string, ReturnType<typeof compileFramework>>();
  const compiledFor = (inp: (typeof inputs)[number]) => {
    const key = `${inp.fw}|${inp.traits.terrain}|${inp.traits.coastal}`;
    let c = compiled.get(key);
    if (!c) {
      c = compileFramework(fws[inp.fw]! as never, inp.traits);
      compiled.set(key, c);
    }
    return c;
  };
  const opts = { year: ASSESS_YEAR, targetYears: [2024, 2027] };
  const held = inputs.reduce((s, i) => s + [...i.data.values()].reduce((t, d) => t + d.observations.length, 0), 0);
  // (a) statuses and scores: what a national overview needs. Data handed over by key (Map) and in leaf
  // order (arrays, as assessRegions does). Five timed rounds each after warm-up; the median is reported.
  const arrays = inputs.map((inp) => leafOrder(compiledFor(inp)).map((k) => inp.data.get(k)));
  const variants: Array<[string, (i: number) => number]> = [
    ['by key', (i) => summariseFramework(compiledFor(inputs[i]!), inputs[i]!.data, opts).evaluations],
    ['in leaf order', (i) => summariseFramework(compiledFor(inputs[i]!), arrays[i]!, opts).evaluations],
  ];
  for (const [name, run] of variants) {
    const times: number[] = [];
    let evaluations = 0;
    for (let round = 0; round < 7; round++) {
      evaluations = 0;
      const t0 = performance.now();
      for (let i = 0; i < inputs.length; i++) evaluations += run(i);
      if (round >= 2) times.push((performance.now() - t0) / 1000);
    }
    times.sort((a, b) => a - b);
    report('engine', { regions: inputs.length / FRAMEWORKS.length, evaluations, seconds: times[2]!, note: `statuses and scores, data ${name}; median of 5; ${held} observations held` });
  }
  // (b) full assessments: reasons, achievability, provenance for every indicator
  let evaluations = 0;
  const t1 = performance.now();
  for (const inp of inputs) {
    const c = compiledFor(inp);
    assessFramework(c, inp.data, opts);
    evaluations += c.items.reduce((s, it) => s + it.leaves.length, 0);
  }
  report('engine', { regions: inputs.length / FRAMEWORKS.length, evaluations, seconds: (performance.now() - t1) / 1000, note: 'full assessments with reasons and achievability' });
}

function report(what: string, r: { regions: number; evaluations: number; seconds: number; note?: string }): void {
  console.log(
    `${what.padEnd(9)} counties ${r.regions}  evaluations ${r.evaluations}  ${r.seconds.toFixed(2)} s  ` +
      `${Math.round(r.evaluations / r.seconds).toLocaleString('en-US')} evaluations/s  peak RSS ${peakRssMb()} MB${r.note ? `  (${r.note})` : ''}`,
  );
}

/** Fill a store with the synthetic nation, in SQL, from the built-in Wushan figures. */
async function fillStore(db: Db): Promise<number> {
  const t0 = performance.now();
  await db.exec(`
    INSERT INTO regions (name, level, terrain, climate, coastal)
    SELECT 'bench-' || lpad(g::text, 4, '0'), '区县', (ARRAY['山区','丘陵','平原'])[1 + g % 3], '湿润地区', g % 10 = 0
    FROM generate_series(1, ${COUNTIES}) g;
    CREATE TEMP TABLE bench_template AS
      SELECT o.indicator_id, o.part, o.printed, o.reading,
             (o.reading->'value'->>'kind' = 'number' AND o.reading->'value'->'lo' = o.reading->'value'->'hi') AS numeric,
             CASE WHEN o.reading->'value'->>'kind' = 'number' AND jsonb_typeof(o.reading->'value'->'lo') = 'number'
                  THEN (o.reading->'value'->>'lo')::float8 END AS base
      FROM observations o JOIN indicators i ON i.id = o.indicator_id
      WHERE o.plan_id = 'wushan-demo-county' AND o.year = 2021 AND i.framework_id IN ('national-demo-county', 'chongqing-demo-county');
  `);
  await db.exec(`
    INSERT INTO observations (region_id, indicator_id, part, year, printed, reading, origin)
    SELECT r.id, t.indicator_id, t.part, y,
           CASE WHEN t.numeric THEN v::text ELSE t.printed END,
           CASE WHEN t.numeric THEN jsonb_build_object('value', jsonb_build_object('kind','number','lo',v,'hi',v,'loOpen',false,'hiOpen',false),
                                                       'marks','[]'::jsonb,'asterisk',false,'flags','[]'::jsonb,'notes','[]'::jsonb)
                ELSE t.reading END,
           'import'
    FROM regions r
    CROSS JOIN bench_template t
    CROSS JOIN generate_series(${FIRST_YEAR}, ${ASSESS_YEAR}) y
    CROSS JOIN LATERAL (SELECT CASE WHEN t.numeric THEN
        least(CASE WHEN t.base <= 100 THEN 100 ELSE 1e12 END, round((t.base * (0.85 + random() * 0.3))::numeric, 2)::float8) END AS v) x
    WHERE r.name LIKE 'bench-%';
  `);
  await db.exec('ANALYZE');
  const n = await db.query<{ n: string }>('SELECT count(*) AS n FROM observations WHERE origin = $1', ['import']);
  console.log(`  filled ${Number(n.rows[0]!.n).toLocaleString('en-US')} observations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return Number(n.rows[0]!.n);
}

async function storeBench(engine: 'pglite' | 'postgres'): Promise<void> {
  let db: Db;
  let cleanup: () => Promise<void>;
  let reuse = false;
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'ecociv-bench-'));
    db = await openStore({ dataDir: dir });
    cleanup = async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const keep = process.env.BENCH_KEEP === '1';
    const exists = (await admin.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'ecociv_bench'")).rows.length > 0;
    if (!keep || !exists) await admin.query('DROP SCHEMA IF EXISTS ecociv_bench CASCADE; CREATE SCHEMA ecociv_bench');
    reuse = keep && exists;
    await admin.end();
    const sep = url.includes('?') ? '&' : '?';
    db = await openStore({ databaseUrl: `${url}${sep}options=${encodeURIComponent('-c search_path=ecociv_bench')}` });
    cleanup = async () => {
      await db.close();
      if (process.env.BENCH_KEEP === '1') return;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query('DROP SCHEMA ecociv_bench CASCADE');
      await c.end();
    };
  }
  try {
    if (!reuse) await fillStore(db);
    const t0 = performance.now();
    const summaries = await assessRegions(db, { frameworkIds: FRAMEWORKS, year: ASSESS_YEAR, targetYears: [2024, 2027], batchSize: 300 });
    const seconds = (performance.now() - t0) / 1000;
    report(engine, {
      regions: summaries[0]!.regions,
      evaluations: summaries.reduce((s, x) => s + x.evaluations, 0),
      seconds,
      note: summaries.map((x) => `${x.frameworkId}: met ${x.met}, not met ${x.notMet}, indeterminate ${x.indeterminate}`).join('; '),
    });
  } finally {
    await cleanup();
  }
}

const which = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const runAll = which.length === 0;
console.log(`ecociv national benchmark: ${COUNTIES} counties × ${FRAMEWORKS.join(' + ')} × ${YEARS} years (assessing ${ASSESS_YEAR}); node ${process.version}`);
if (runAll || which.includes('engine')) engineBench();
if (runAll || which.includes('postgres')) await storeBench('postgres');
if (runAll || which.includes('pglite')) await storeBench('pglite');
