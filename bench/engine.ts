// Benchmark (not a test): the engine alone over the synthetic nation (bench/nation.ts: 2,844 counties × the
// national and Chongqing frameworks × 10 years held), assessed for the last year, four ways in one run:
//   1. the object engine (summariseFramework, data in leaf order): the baseline;
//   2. the columnar engine (src/domain/columnar.ts);
//   3. the threshold rules as SQL in PostgreSQL, over the same rows loaded with COPY into a schema of its own;
//   4. the same SQL in DuckDB, in-process (@duckdb/node-api), over the same rows.
// Only the evaluation is timed (the median of BENCH_ROUNDS rounds after warm-up), not building the inputs
// or loading the databases. All four must agree on the status counts, which are printed.
//
//   npm run bench:engine
//   BENCH_COUNTIES=300 BENCH_ROUNDS=3 npm run bench:engine     a short run while developing
//   BENCH_SQL=0 npm run bench:engine                            the engines only
// DATABASE_URL or TEST_DATABASE_URL picks the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/test).
import { chmodSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { compileFramework, leafOrder, leafStatusOf, summariseFramework, type CompiledFramework, type FrameworkSummary, type LeafData } from '../src/domain/assess.ts';
import {
  COMPARATORS,
  compileColumnar,
  encodeReadings,
  regionSummary,
  RULE_CODES,
  STATUS_CODES,
  summariseColumnar,
  type ColumnarReadings,
  type ColumnarRules,
  type ColumnarSummary,
} from '../src/domain/columnar.ts';
import type { Status } from '../src/domain/types.ts';
import { fmt, reportFigures, type Figure } from './figures.ts';
import { ASSESS_YEAR, COUNTIES, FIRST_YEAR, FRAMEWORKS, peakRssMb, syntheticNation, YEARS } from './nation.ts';

const counties = Number(process.env.BENCH_COUNTIES ?? COUNTIES);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const withSql = process.env.BENCH_SQL !== '0';
const AIM = 5e6;

/**
 * The median of `rounds` runs after two warm-up runs, in seconds: wall-clock time, and the CPU time the
 * process used (the machine's two cores are shared, so a round may wait for a core; the CPU time is what
 * the engine itself took, on one core plus the garbage collector's threads).
 */
function timed(run: () => void): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < rounds + 2; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    if (i >= 2) {
      walls.push(wall);
      cpus.push((c.user + c.system) / 1e6);
    }
  }
  return { wall: median(walls), cpu: median(cpus) };
}

async function timedAsync(run: () => Promise<unknown>, n = rounds): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run();
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

console.log(`ecociv engine benchmark: ${counties} counties × ${FRAMEWORKS.join(' + ')} × ${YEARS} years held (assessing ${ASSESS_YEAR}); node ${process.version}`);
const { frameworks, inputs } = syntheticNation(counties);
const perFramework = FRAMEWORKS.map((_, fi) => inputs.filter((i) => i.fw === fi));
const held = inputs.reduce((s, i) => s + [...i.data.values()].reduce((t, d) => t + d.observations.length, 0), 0);
const opts = { year: ASSESS_YEAR, targetYears: [2024, 2027] };

// ---------------------------------------------------------------- 1. the object engine (baseline)
const compiled = new Map<string, CompiledFramework>();
const compiledFor = (fi: number, inp: (typeof inputs)[number]) => {
  const key = `${fi}|${inp.traits.level}|${inp.traits.terrain}|${inp.traits.climate}|${inp.traits.coastal}`;
  let c = compiled.get(key);
  if (!c) compiled.set(key, (c = compileFramework(frameworks[fi]!, inp.traits)));
  return c;
};
const byLeafOrder = perFramework.map((list, fi) => list.map((inp) => leafOrder(compiledFor(fi, inp)).map((k) => inp.data.get(k))));
const objectSummaries: FrameworkSummary[][] = perFramework.map(() => []);
let evaluations = 0;
const objectTime = timed(() => {
  evaluations = 0;
  perFramework.forEach((list, fi) => {
    list.forEach((inp, r) => {
      const s = summariseFramework(compiledFor(fi, inp), byLeafOrder[fi]![r]!, opts);
      objectSummaries[fi]![r] = s;
      evaluations += s.evaluations;
    });
  });
});
console.log(`object engine:   ${evaluations.toLocaleString('en-US')} evaluations in ${fmt.s(objectTime.wall)}, CPU ${fmt.s(objectTime.cpu)} (${fmt.perS(evaluations / objectTime.cpu, 'evaluations')} of CPU time); ${held.toLocaleString('en-US')} observations held`);

// ---------------------------------------------------------------- 2. the columnar engine
const t0 = performance.now();
const rules: ColumnarRules[] = perFramework.map((list, fi) => compileColumnar(frameworks[fi]!, list.map((i) => i.traits)));
const readings: ColumnarReadings[] = perFramework.map((list, fi) => encodeReadings(rules[fi]!, list.map((i) => i.data), { firstYear: FIRST_YEAR, years: YEARS }));
const encodeSeconds = (performance.now() - t0) / 1000;
const columnBytes = readings.reduce((s, rd) => s + rd.code.byteLength + rd.aux.byteLength + rd.lo.byteLength + rd.hi.byteLength + rd.open.byteLength + rd.fallback.byteLength, 0);
let sums: ColumnarSummary[] = [];
const columnarTime = timed(() => {
  sums = rules.map((ru, fi) => summariseColumnar(ru, readings[fi]!, ASSESS_YEAR));
});
const columnarEvaluations = sums.reduce((s, x) => s + x.evaluations, 0);
const fallbacks = sums.reduce((s, x) => s + x.byObjects + x.byDictionary, 0);
const byObjects = sums.reduce((s, x) => s + x.byObjects, 0);
console.log(
  `columnar engine: ${columnarEvaluations.toLocaleString('en-US')} evaluations in ${fmt.s(columnarTime.wall)}, CPU ${fmt.s(columnarTime.cpu)} (${fmt.perS(columnarEvaluations / columnarTime.cpu, 'evaluations')} of CPU time); ` +
    `${fallbacks.toLocaleString('en-US')} by the object engine's rules (composite rules or values, ${byObjects} of them from objects); columns built in ${fmt.s(encodeSeconds)}, ${Math.round(columnBytes / 2 ** 20)} MB`,
);

// Every region's statuses and score, item by item, must be the object engine's.
let disagreements = 0;
const itemTotals = (get: (fi: number, r: number) => FrameworkSummary) => {
  const t = { met: 0, notMet: 0, indeterminate: 0, noData: 0, notApplicable: 0, scoreMin: 0 };
  perFramework.forEach((list, fi) =>
    list.forEach((_, r) => {
      const s = get(fi, r);
      for (const k of Object.keys(t) as Array<keyof typeof t>) t[k] += s[k];
    }),
  );
  return t;
};
perFramework.forEach((list, fi) =>
  list.forEach((_, r) => {
    if (JSON.stringify(regionSummary(rules[fi]!, sums[fi]!, r)) !== JSON.stringify(objectSummaries[fi]![r])) disagreements++;
  }),
);
console.log('items by status (both frameworks, every county):');
console.log('  object engine  ', JSON.stringify(itemTotals((fi, r) => objectSummaries[fi]![r]!)));
console.log('  columnar engine', JSON.stringify(itemTotals((fi, r) => regionSummary(rules[fi]!, sums[fi]!, r))));
console.log(`  regions whose statuses or score differ: ${disagreements}`);

const enginesPeakMb = peakRssMb();

// ---------------------------------------------------------------- the threshold rules, for SQL
// The leaves whose rule for the county is a threshold (of items that apply): their statuses by each engine.
type Counts = Record<Status | 'fallback', number>;
const zero = (): Counts => ({ met: 0, notMet: 0, indeterminate: 0, noData: 0, notApplicable: 0, fallback: 0 });
const thresholdByObjects = zero();
const thresholdByColumns = zero();
let thresholdEvaluations = 0;
perFramework.forEach((list, fi) => {
  const ru = rules[fi]!;
  list.forEach((inp, r) => {
    const s = ru.ruleSetOf[r]!;
    for (let l = 0; l < ru.leafCount; l++) {
      const code = sums[fi]!.leafStatus[r * ru.leafCount + l]!;
      if (ru.kind[s * ru.leafCount + l] !== RULE_CODES.threshold || code === 4) continue;
      thresholdEvaluations++;
      thresholdByColumns[STATUS_CODES[code]!]++;
      const leaf = ru.leaves[s * ru.leafCount + l]!;
      thresholdByObjects[leafStatusOf(leaf, inp.data.get(leaf.key), ASSESS_YEAR, [])]++;
    }
  });
});

/** The rows the databases get: every reading of every county, leaf and year; the rules; each county's rule set. */
function writeCsv(dir: string): { readings: string; rules: string; regions: string; rows: number } {
  const files = { readings: join(dir, 'readings.csv'), rules: join(dir, 'rules.csv'), regions: join(dir, 'regions.csv') };
  // written in slices, so the file is never a string in memory
  const fd = openSync(files.readings, 'w');
  let lines: string[] = [];
  let rows = 0;
  const push = (line: string) => {
    lines.push(line);
    rows++;
    if (lines.length === 50_000) {
      writeSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  };
  perFramework.forEach((list, fi) => {
    const rd = readings[fi]!;
    const L = rd.leafCount;
    for (let y = 0; y < rd.years; y++)
      for (let r = 0; r < rd.regions; r++)
        for (let l = 0; l < L; l++) {
          const c = (y * rd.regions + r) * L + l;
          if (rd.fallback[r * L + l]! >= 0) {
            // kept as objects: SQL cannot judge it (code 8)
            if ((rd.objects[rd.fallback[r * L + l]!] as LeafData).observations.some((o) => o.year === rd.firstYear + y)) push(`${fi},${r},${l},${rd.firstYear + y},8,0,0,0,false,false`);
            continue;
          }
          if (rd.code[c] === 0) continue;
          push(`${fi},${r},${l},${rd.firstYear + y},${rd.code[c]},${rd.aux[c]},${rd.lo[c]},${rd.hi[c]},${(rd.open[c]! & 1) !== 0},${(rd.open[c]! & 2) !== 0}`);
        }
  });
  const ruleLines: string[] = [];
  const regionLines: string[] = [];
  rules.forEach((ru, fi) => {
    ru.ruleSets.forEach((fw, s) => {
      fw.items.forEach((item, it) => {
        if (!ru.applicable[s * ru.itemCount + it]) return;
        for (let l = ru.itemLeafStart[it]!; l < ru.itemLeafStart[it + 1]!; l++) {
          const u = s * ru.leafCount + l;
          if (ru.kind[u] === RULE_CODES.threshold) ruleLines.push(`${fi},${s},${l},${COMPARATORS[ru.op[u]!]},${ru.bound[u]}`);
        }
      });
    });
    ru.ruleSetOf.forEach((s, r) => regionLines.push(`${fi},${r},${s}`));
  });
  if (lines.length) writeSync(fd, `${lines.join('\n')}\n`);
  closeSync(fd);
  writeFileSync(files.rules, `${ruleLines.join('\n')}\n`);
  writeFileSync(files.regions, `${regionLines.join('\n')}\n`);
  for (const f of Object.values(files)) chmodSync(f, 0o644);
  return { ...files, rows };
}

// One query for both databases: a CASE over the rules joined to the readings of the year, the decision
// of evaluate.ts for a threshold (no figure, 未开展, 满足/完成/无…, an interval with open or closed ends).
const THRESHOLD_SQL = `
WITH judged AS (
  SELECT o.code, o.aux, o.lo, o.hi, o.lo_open, o.hi_open, u.op, u.bound,
         CASE u.op WHEN '>=' THEN o.lo >= u.bound
                   WHEN '>'  THEN o.lo > u.bound OR (o.lo = u.bound AND o.lo_open)
                   WHEN '<=' THEN o.lo < u.bound OR (o.lo = u.bound AND NOT o.lo_open)
                   ELSE o.lo < u.bound END AS lo_ok,
         CASE u.op WHEN '>=' THEN o.hi > u.bound OR (o.hi = u.bound AND NOT o.hi_open)
                   WHEN '>'  THEN o.hi > u.bound
                   WHEN '<=' THEN o.hi <= u.bound
                   ELSE o.hi < u.bound OR (o.hi = u.bound AND o.hi_open) END AS hi_ok
  FROM bench_regions g
  JOIN bench_rules u ON u.fw = g.fw AND u.rule_set = g.rule_set
  LEFT JOIN bench_readings o ON o.fw = g.fw AND o.region = g.region AND o.leaf = u.leaf AND o.year = ${ASSESS_YEAR}
)
SELECT status, count(*) AS n FROM (
  SELECT CASE
    WHEN code IS NULL OR code = 7 OR (code = 2 AND aux = 0) THEN 'noData'
    WHEN code = 8 THEN 'fallback'
    WHEN code = 3 OR code = 5 THEN 'met'
    WHEN code <> 1 THEN 'indeterminate'
    WHEN op = '=' THEN CASE WHEN lo = bound AND hi = bound THEN 'met'
                            WHEN (lo < bound OR (lo = bound AND NOT lo_open)) AND (hi > bound OR (hi = bound AND NOT hi_open)) THEN 'indeterminate'
                            ELSE 'notMet' END
    WHEN lo_ok AND hi_ok THEN 'met'
    WHEN NOT lo_ok AND NOT hi_ok THEN 'notMet'
    ELSE 'indeterminate' END AS status
  FROM judged) s
GROUP BY status ORDER BY status`;

const countsOf = (rows: Array<{ status: string; n: unknown }>): Counts => {
  const c = zero();
  for (const row of rows) c[row.status as keyof Counts] = Number(row.n);
  return c;
};

async function postgres(csv: ReturnType<typeof writeCsv>): Promise<{ seconds: number; counts: Counts; load: number; version: string }> {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS ecociv_bench_engine CASCADE; CREATE SCHEMA ecociv_bench_engine; SET search_path = ecociv_bench_engine');
    await client.query(`
      CREATE TABLE bench_readings (fw smallint, region int, leaf smallint, year smallint, code smallint, aux smallint, lo float8, hi float8, lo_open boolean, hi_open boolean);
      CREATE TABLE bench_rules (fw smallint, rule_set smallint, leaf smallint, op text, bound float8);
      CREATE TABLE bench_regions (fw smallint, region int, rule_set smallint);`);
    const t0 = performance.now();
    await client.query(`COPY bench_readings FROM '${csv.readings}' WITH (FORMAT csv)`);
    await client.query(`COPY bench_rules FROM '${csv.rules}' WITH (FORMAT csv)`);
    await client.query(`COPY bench_regions FROM '${csv.regions}' WITH (FORMAT csv)`);
    // the rows lie year by year, as DuckDB's zone maps see without being asked; PostgreSQL needs a BRIN index
    await client.query('CREATE INDEX ON bench_readings USING brin (year); ANALYZE bench_readings; ANALYZE bench_rules; ANALYZE bench_regions');
    const load = (performance.now() - t0) / 1000;
    const version = ((await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v ?? '').split(' ')[0]!;
    let rows: Array<{ status: string; n: string }> = [];
    const seconds = await timedAsync(async () => {
      rows = (await client.query<{ status: string; n: string }>(THRESHOLD_SQL)).rows;
    });
    return { seconds, counts: countsOf(rows), load, version };
  } finally {
    await client.query('DROP SCHEMA IF EXISTS ecociv_bench_engine CASCADE').catch(() => undefined);
    await client.end();
  }
}

async function duckdb(csv: ReturnType<typeof writeCsv>): Promise<{ seconds: number; counts: Counts; load: number; threads: string }> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const t0 = performance.now();
    await db.run(`CREATE TABLE bench_readings AS SELECT * FROM read_csv('${csv.readings}', header = false,
      columns = {'fw': 'SMALLINT', 'region': 'INTEGER', 'leaf': 'SMALLINT', 'year': 'SMALLINT', 'code': 'SMALLINT', 'aux': 'SMALLINT', 'lo': 'DOUBLE', 'hi': 'DOUBLE', 'lo_open': 'BOOLEAN', 'hi_open': 'BOOLEAN'})`);
    await db.run(`CREATE TABLE bench_rules AS SELECT * FROM read_csv('${csv.rules}', header = false,
      columns = {'fw': 'SMALLINT', 'rule_set': 'SMALLINT', 'leaf': 'SMALLINT', 'op': 'VARCHAR', 'bound': 'DOUBLE'})`);
    await db.run(`CREATE TABLE bench_regions AS SELECT * FROM read_csv('${csv.regions}', header = false,
      columns = {'fw': 'SMALLINT', 'region': 'INTEGER', 'rule_set': 'SMALLINT'})`);
    const load = (performance.now() - t0) / 1000;
    const threads = String((await db.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]!.t);
    let rows: Array<{ status: string; n: unknown }> = [];
    const seconds = await timedAsync(async () => {
      rows = (await db.runAndReadAll(THRESHOLD_SQL)).getRowObjectsJS() as Array<{ status: string; n: unknown }>;
    });
    return { seconds, counts: countsOf(rows), load, threads };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

let pgResult: Awaited<ReturnType<typeof postgres>> | undefined;
let duckResult: Awaited<ReturnType<typeof duckdb>> | undefined;
let sqlRows = 0;
if (withSql) {
  const dir = mkdtempSync(join(tmpdir(), 'ecociv-bench-engine-'));
  chmodSync(dir, 0o755); // the PostgreSQL server reads the files (COPY FROM a file)
  try {
    const csv = writeCsv(dir);
    sqlRows = csv.rows;
    pgResult = await postgres(csv);
    console.log(`PostgreSQL ${pgResult.version}: ${csv.rows.toLocaleString('en-US')} rows loaded with COPY in ${fmt.s(pgResult.load)}; query ${fmt.s(pgResult.seconds)}`);
    duckResult = await duckdb(csv);
    console.log(`DuckDB (${duckResult.threads} threads): the same rows loaded in ${fmt.s(duckResult.load)}; query ${fmt.s(duckResult.seconds)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const show = (c: Counts) => `met ${c.met}, notMet ${c.notMet}, indeterminate ${c.indeterminate}, noData ${c.noData}${c.fallback ? `, not judged ${c.fallback}` : ''}`;
console.log(`threshold leaves (${thresholdEvaluations.toLocaleString('en-US')} evaluations), by status:`);
console.log(`  object engine    ${show(thresholdByObjects)}`);
console.log(`  columnar engine  ${show(thresholdByColumns)}`);
if (pgResult) console.log(`  PostgreSQL       ${show(pgResult.counts)}`);
if (duckResult) console.log(`  DuckDB           ${show(duckResult.counts)}`);
const same = (a: Counts, b: Counts) => JSON.stringify(a) === JSON.stringify(b);
const agree =
  disagreements === 0 &&
  same(thresholdByObjects, thresholdByColumns) &&
  (!pgResult || same(pgResult.counts, thresholdByColumns)) &&
  (!duckResult || same(duckResult.counts, thresholdByColumns));
console.log(agree ? 'all agree' : 'THEY DISAGREE');

// Rates per second of CPU time (the aim is for one core); by the wall clock in the notes and for the SQL.
const objectRate = evaluations / objectTime.cpu;
const columnarRate = columnarEvaluations / columnarTime.cpu;
const columnarWallRate = columnarEvaluations / columnarTime.wall;
const figures: Figure[] = [
  {
    what: 'engine alone, columnar: statuses and scores, ten years held (per second of CPU time)',
    aim: '≥ 5 M evaluations/s',
    baseline: fmt.perS(objectRate, 'evaluations'),
    value: fmt.perS(columnarRate, 'evaluations'),
    met: columnarRate >= AIM,
    note: `baseline the object engine (summariseFramework) on the same data; ${fmt.ratio(columnarRate / objectRate)}; by the wall clock ${fmt.perS(columnarWallRate, 'evaluations')} against ${fmt.perS(evaluations / objectTime.wall, 'evaluations')}; ${((fallbacks / columnarEvaluations) * 100).toFixed(1)} % of evaluations (composite rules or values) judged by the object engine's rules, once per distinct value where the previous year cannot matter; ${counties} counties × 2 frameworks, ${columnarEvaluations.toLocaleString('en-US')} evaluations`,
  },
  {
    what: 'building the columns from the objects (once, not timed above)',
    aim: '—',
    baseline: '—',
    value: fmt.s(encodeSeconds),
    met: null,
    note: `${held.toLocaleString('en-US')} observations into ${Math.round(columnBytes / 2 ** 20)} MB of typed arrays`,
  },
];
/** A SQL engine's figure: threshold evaluations per second of its query, beside the columnar engine's. */
const sqlFigure = (what: string, seconds: number, note: string): Figure => ({
  what,
  aim: '—',
  baseline: fmt.perS(columnarWallRate, 'evaluations'),
  value: fmt.perS(thresholdEvaluations / seconds, 'evaluations'),
  met: null,
  note: `wall clock; baseline the columnar engine by the wall clock (every leaf, not only thresholds); ${note}`,
});
if (pgResult)
  figures.push(
    sqlFigure(
      'the threshold rules as SQL in PostgreSQL (query only)',
      pgResult.seconds,
      `PostgreSQL ${pgResult.version}, ${thresholdEvaluations.toLocaleString('en-US')} threshold evaluations over ${sqlRows.toLocaleString('en-US')} rows (COPY ${fmt.s(pgResult.load)})`,
    ),
  );
if (duckResult)
  figures.push(sqlFigure('the same SQL in DuckDB, in-process (query only)', duckResult.seconds, `${duckResult.threads} threads, the same rows (loaded ${fmt.s(duckResult.load)})`));
figures.push({
  what: 'peak memory (RSS) through the two engines',
  aim: '—',
  baseline: '—',
  value: fmt.mb(enginesPeakMb),
  met: null,
  note: `the objects and the columns both held; the columns alone are ${Math.round(columnBytes / 2 ** 20)} MB; ${fmt.mb(peakRssMb())} by the end of the run, with DuckDB`,
});
figures.push({ what: 'all four agree on the status counts', aim: 'agree', baseline: '—', value: agree ? 'agree' : 'disagree', met: agree });
reportFigures('engine', `Engine alone (\`npm run bench:engine\`, ${counties} counties × 2 frameworks × ${YEARS} years held)`, figures);
if (!agree) process.exitCode = 1;
