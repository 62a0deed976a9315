// Monitoring data, a year of hourly air data for 1,000 stations (8.76 M rows), computed into daily values, daily
// AQI, annual statistics and 优良天数比例 — by ecociv and by DuckDB from the same CSV, side by side in one run
// (issue #13). Not a test.
//
//   npm run bench:monitoring                     1,000 stations (BENCH_STATIONS=100 for a short run)
//
// The CSV is generated once into bench/out/ (realistic-ish values with a daily cycle, ~2 % of hours missing and
// a few platform marks). Each side runs in a child process of its own, so that its peak memory (maxRSS) is its
// own: (a) ecociv — the streaming reader of src/exchange/rowStream.ts, the header and cells read by
// src/domain/monitoringColumns.ts, hourly values kept per station in Float32Arrays, then the domain's dailyMean,
// dailyMaxEightHour, dailyAqi, annualMean / annualPercentile and goodDaysShare; (b) DuckDB (@duckdb/node-api) —
// read_csv, daily means with ≥ 20 hours, O3 8-hour windows, IAQI by HJ 633-2012's breakpoints, annual statistics.
// Both report each station's 优良天数; the counts must agree for every station.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fmt, OUT_DIR, reportFigures } from './figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const YEAR = 2025; // all of it under HJ 633-2012 (HJ 633-2026 applies from 2026-03-01)
const HOURS = 365 * 24;
const POLLUTANTS = ['SO2', 'NO2', 'CO', 'O3', 'PM10', 'PM2.5'] as const;

interface SideResult {
  side: 'ecociv' | 'duckdb';
  ms: number;
  maxRssMb: number;
  rows: number;
  /** 优良天数 and valid days of every station, by code */
  good: Record<string, [number, number]>;
  /** the region's mean of the station PM2.5 annual means (a check figure) */
  pm25Mean: number | null;
}

// ---------------------------------------------------------------- the file

async function generate(file: string, stations: number): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 22 });
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)\n');
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const base = [8, 20, 0.6, 60, 45, 26];
  const start = Date.UTC(YEAR, 0, 1);
  const codes = Array.from({ length: stations }, (_, i) => `${5000 + i}A`);
  // station levels differ; days differ (weather): a polluted spell every few weeks
  const level = codes.map(() => 0.6 + rand() * 0.9);
  const dayFactor = Array.from({ length: 366 }, (_, d) => 0.6 + 0.8 * Math.abs(Math.sin(d / 9)) + rand() * 0.4);
  let lines: string[] = [];
  for (let h = 0; h < HOURS; h++) {
    const iso = new Date(start + h * 3_600_000).toISOString();
    const time = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    const hod = h % 24;
    const day = Math.floor(h / 24);
    for (let s = 0; s < stations; s++) {
      let line = `${codes[s]},${time}`;
      for (let p = 0; p < 6; p++) {
        const r = rand();
        if (r < 0.02) line += ',';
        else if (r < 0.0205) line += ',—';
        else if (r < 0.021) line += `,${Math.round(base[p]! * 2)}H`;
        else {
          const cycle = p === 3 ? 1 + 0.8 * Math.sin(((hod - 9) / 24) * 2 * Math.PI) : 1 + 0.3 * Math.cos(((hod - 8) / 24) * 2 * Math.PI);
          const v = base[p]! * level[s]! * dayFactor[day]! * cycle * (0.8 + 0.4 * rand());
          line += `,${p === 2 ? v.toFixed(2) : Math.round(v)}`;
        }
      }
      lines.push(line);
    }
    if (lines.length >= 20_000) {
      await write(lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length) await write(lines.join('\n') + '\n');
  await new Promise<void>((r) => out.end(() => r()));
}

// ---------------------------------------------------------------- (a) ecociv

async function runEcociv(file: string): Promise<SideResult> {
  const t0 = performance.now();
  const { readRowBatches } = await import('../src/exchange/rowStream.ts');
  const { readHeader, cellNumber, rangeOf, readDateTime } = await import('../src/domain/monitoringColumns.ts');
  const { dailyMean, dailyMaxEightHour, annualMean, annualPercentile, goodDaysShare } = await import('../src/domain/airStatistics.ts');
  const { dailyAqi } = await import('../src/domain/aqi.ts');
  type Item = 'SO2' | 'NO2' | 'CO' | 'O3' | 'PM10' | 'PM2.5';
  const yearStart = Date.UTC(YEAR, 0, 1);
  const stationIndex = new Map<string, number>();
  const codes: string[] = [];
  const series: Float32Array[][] = []; // [station][pollutant] → 8784 hourly values, NaN where none
  let columns: number[] = [];
  let codeCol = 0;
  let timeCol = 0;
  let ranges: Array<readonly [number, number]> = [];
  let rows = 0;
  let header = true;
  let lastTime = '';
  let lastHour = -1;
  for await (const batch of readRowBatches(() => createReadStream(file, { highWaterMark: 1 << 16 }), file)) {
    for (const r of batch) {
      const cells = r.cells;
      if (header) {
        header = false;
        const h = readHeader(cells);
        if (!h.ok || h.map.kind !== 'air-hours') throw new Error(`header: ${JSON.stringify(h)}`);
        columns = POLLUTANTS.map((p) => h.map.air[p as Item]!);
        ranges = POLLUTANTS.map((p) => rangeOf(p as Item));
        codeCol = h.map.code!;
        timeCol = h.map.dateTime!;
        continue;
      }
      rows++;
      const code = cells[codeCol]!;
      let s = stationIndex.get(code);
      if (s === undefined) {
        s = codes.length;
        stationIndex.set(code, s);
        codes.push(code);
        series.push(POLLUTANTS.map(() => new Float32Array(8784).fill(Number.NaN)));
      }
      const time = cells[timeCol]!;
      if (time !== lastTime) {
        // the rows of one hour come together: the time is read once per hour, not once per row
        const dt = readDateTime(time);
        if (!dt || dt.hour === null) throw new Error(`row ${r.row}: time ${time}`);
        lastTime = time;
        lastHour = (Date.parse(`${dt.date}T00:00:00Z`) - yearStart) / 3_600_000 + dt.hour;
      }
      const st = series[s]!;
      for (let p = 0; p < 6; p++) {
        const v = cellNumber(cells[columns[p]!]!, ranges[p]!);
        if (v < 0) throw new Error(`row ${r.row}: ${POLLUTANTS[p]} ${cells[columns[p]!]}`);
        st[p]![lastHour] = v;
      }
    }
  }
  // per station: daily values → daily AQI → annual statistics and 优良天数
  const days = Array.from({ length: 365 }, (_, d) => new Date(yearStart + d * 86_400_000).toISOString().slice(0, 10));
  const good: SideResult['good'] = {};
  let pmSum = 0;
  let pmN = 0;
  const hours = new Array<number | null>(24);
  const dayHours = (a: Float32Array, d: number) => {
    for (let h = 0; h < 24; h++) {
      const v = a[d * 24 + h]!;
      hours[h] = v === v ? v : null;
    }
    return hours;
  };
  for (let s = 0; s < codes.length; s++) {
    const st = series[s]!;
    const daily: Array<Array<{ date: string; value: number | null }>> = POLLUTANTS.map(() => []);
    const aqis: Array<number | null> = [];
    const o3max: Array<number | null> = [];
    for (let d = 0; d < 365; d++) {
      const date = days[d]!;
      const v: Array<number | null> = [];
      for (let p = 0; p < 6; p++) {
        const hs = dayHours(st[p]!, d);
        let value: number | null;
        if (p === 3) {
          value = dailyMaxEightHour(hs);
          let mx = -1;
          for (const x of hs) if (x !== null && x > mx) mx = x;
          o3max.push(mx < 0 ? null : mx);
        } else value = dailyMean(hs);
        v.push(value);
        daily[p]!.push({ date, value });
      }
      const r = dailyAqi(date, { SO2_24h: v[0], NO2_24h: v[1], CO_24h: v[2], O3_8h: v[3], PM10_24h: v[4], 'PM2.5_24h': v[5], O3_1h: o3max[d] });
      aqis.push(r.complete ? r.aqi : null);
    }
    const g = goodDaysShare(aqis);
    good[codes[s]!] = [g.goodDays, g.validDays];
    const pm = annualMean(daily[5]!);
    for (const p of [0, 1, 4]) annualMean(daily[p]!);
    annualPercentile(daily[2]!, 95);
    annualPercentile(daily[3]!, 90);
    if (pm.value !== null) {
      pmSum += pm.value;
      pmN++;
    }
  }
  return { side: 'ecociv', ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, good, pm25Mean: pmN ? pmSum / pmN : null };
}

// ---------------------------------------------------------------- (b) DuckDB

/** The IAQI of a column by HJ 633-2012 表1 as SQL (§4.2 式(1), carried up; 500 above the last breakpoint). */
async function iaqiSql(column: string, expr: string): Promise<string> {
  const { breakpoints } = await import('../src/domain/aqi.ts');
  const bp = breakpoints('HJ 633-2012', column as never)!;
  const steps = [0, 50, 100, 150, 200, 300, 400, 500];
  const parts: string[] = [];
  for (let i = 1; i < bp.length; i++)
    parts.push(`WHEN ${expr} <= ${bp[i]} THEN ceil(${steps[i]! - steps[i - 1]!}.0 / ${bp[i]! - bp[i - 1]!} * (${expr} - ${bp[i - 1]}) + ${steps[i - 1]} - 1e-9)`);
  const tail = column === 'O3_8h' ? 'NULL' : '500';
  return `CASE WHEN ${expr} IS NULL THEN NULL ${parts.join(' ')} ELSE ${tail} END`;
}

async function runDuck(file: string): Promise<SideResult> {
  const t0 = performance.now();
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const num = (x: string) => `TRY_CAST(${x} AS DOUBLE)`;
  const names = ['code', 'ts', 'so2', 'no2', 'co', 'o3', 'pm10', 'pm25'];
  await c.run(`CREATE TABLE h AS SELECT code, ts, ${names.slice(2).map((n) => `${num(n)} AS ${n}`).join(', ')}
    FROM read_csv('${file.replace(/'/g, "''")}', header = true, names = [${names.map((n) => `'${n}'`).join(', ')}],
      types = {${names.map((n) => `'${n}': '${n === 'ts' ? 'TIMESTAMP' : 'VARCHAR'}'`).join(', ')}}, timestampformat = '%Y-%m-%d %H:%M')`);
  const rows = Number((await c.runAndReadAll('SELECT count(*) FROM h')).getRows()[0]![0]);
  const mean = (n: string) => `CASE WHEN count(${n}) >= 20 THEN avg(${n}) END AS ${n}`;
  await c.run(`CREATE TABLE d AS
    WITH w AS (
      SELECT code, CAST(ts AS DATE) AS day, hour(ts) AS hr, o3,
        avg(o3) OVER win AS o3w, count(o3) OVER win AS o3n
      FROM h WINDOW win AS (PARTITION BY code, CAST(ts AS DATE) ORDER BY hour(ts) RANGE BETWEEN 7 PRECEDING AND CURRENT ROW)
    ), o AS (
      SELECT code, day, max(o3w) FILTER (WHERE hr >= 7 AND o3n >= 6) AS mx, count(*) FILTER (WHERE hr >= 7 AND o3n >= 6) AS nw
      FROM w GROUP BY code, day
    ), m AS (
      SELECT code, CAST(ts AS DATE) AS day, ${['so2', 'no2', 'co', 'pm10', 'pm25'].map(mean).join(', ')}, max(o3) AS o3_1h
      FROM h GROUP BY code, CAST(ts AS DATE)
    )
    SELECT m.*, CASE WHEN o.nw >= 14 OR o.mx > 160 THEN o.mx END AS o3_8h FROM m JOIN o USING (code, day)`);
  const items: Array<[string, string]> = [['SO2_24h', 'so2'], ['NO2_24h', 'no2'], ['CO_24h', 'co'], ['PM10_24h', 'pm10'], ['PM2.5_24h', 'pm25'], ['O3_1h', 'o3_1h'], ['O3_8h', 'o3_8h']];
  const iaqis = await Promise.all(items.map(([col, n]) => iaqiSql(col, n)));
  const complete = items.map(([, n]) => `${n} IS NOT NULL`).join(' AND ');
  const good = (await c.runAndReadAll(`
    SELECT code, count(*) FILTER (WHERE aqi <= 100) AS good, count(*) AS valid FROM (
      SELECT code, greatest(${iaqis.join(', ')}) AS aqi FROM d WHERE ${complete}
    ) GROUP BY code`)).getRows();
  // annual statistics with GB 3095-2012 表4's validity: ≥ 324 days, ≥ 27 a month (25 in February)
  const annual = (await c.runAndReadAll(`
    WITH v AS (SELECT code, month(day) AS mo, pm25, co, o3_8h, so2, no2, pm10 FROM d),
    ok AS (
      SELECT code FROM (SELECT code, mo, count(pm25) AS n FROM v GROUP BY code, mo)
      GROUP BY code HAVING count(*) = 12 AND min(CASE WHEN mo = 2 THEN n - 25 ELSE n - 27 END) >= 0 AND sum(n) >= 324
    )
    SELECT avg(pm25m) FROM (
      SELECT code, avg(pm25) AS pm25m, avg(so2), avg(no2), avg(pm10), quantile_cont(co, 0.95), quantile_cont(o3_8h, 0.90)
      FROM v WHERE code IN (SELECT code FROM ok) GROUP BY code)`)).getRows();
  const out: SideResult['good'] = {};
  for (const [code, g, v] of good) out[String(code)] = [Number(g), Number(v)];
  const pm = annual[0]![0];
  c.closeSync();
  return { side: 'duckdb', ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, good: out, pm25Mean: pm === null ? null : Number(pm) };
}

// ---------------------------------------------------------------- the run

const args = process.argv.slice(2);
if (args[0] === '--child') {
  const r = args[1] === 'ecociv' ? await runEcociv(args[2]!) : await runDuck(args[2]!);
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

const stations = Number(process.env.BENCH_STATIONS ?? 1000);
mkdirSync(OUT_DIR, { recursive: true });
const file = join(OUT_DIR, `monitoring-${stations}-stations.csv`);
if (!existsSync(file)) {
  console.log(`generating ${file} (${stations} stations × ${HOURS} hours) …`);
  const t = performance.now();
  await generate(file, stations);
  console.log(`  ${(statSync(file).size / 2 ** 20).toFixed(0)} MB in ${fmt.s((performance.now() - t) / 1000)}`);
}
const load = execFileSync('uptime').toString().trim();
console.log(`load: ${load}`);

function child(side: 'ecociv' | 'duckdb'): SideResult {
  const r = spawnSync(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', join(ROOT, 'bench/monitoring.ts'), '--child', side, file], { cwd: ROOT, maxBuffer: 256 * 2 ** 20, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${side} failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as SideResult;
}

const eco = child('ecociv');
console.log(`ecociv: ${fmt.s(eco.ms / 1000)}, ${fmt.mb(eco.maxRssMb)}, ${eco.rows} rows`);
const duck = child('duckdb');
console.log(`DuckDB: ${fmt.s(duck.ms / 1000)}, ${fmt.mb(duck.maxRssMb)}, ${duck.rows} rows`);

const codes = Object.keys(eco.good);
const differ = codes.filter((c) => JSON.stringify(eco.good[c]) !== JSON.stringify(duck.good[c] ?? [0, 0]));
const sample = codes.slice(0, 3).map((c) => `${c} ${eco.good[c]![0]}/${eco.good[c]![1]}`).join(', ');
console.log(`优良天数 (good/valid days), first stations: ${sample}; stations that differ: ${differ.length} of ${codes.length}`);
if (differ.length) console.log(`  e.g. ${differ.slice(0, 5).map((c) => `${c}: ecociv ${eco.good[c]} DuckDB ${duck.good[c]}`).join('; ')}`);
console.log(`PM2.5 mean of the stations' annual means: ecociv ${eco.pm25Mean?.toFixed(3)}, DuckDB ${duck.pm25Mean?.toFixed(3)}`);

const ratio = eco.ms / duck.ms;
const rowsText = `${(eco.rows / 1e6).toFixed(2)} M rows`;
reportFigures('monitoring', `Monitoring: ${stations} stations × one year hourly (${rowsText}) → daily values, AQI, annual statistics, 优良天数比例`, [
  { what: 'ecociv: CSV → daily values, daily AQI, annual statistics, 优良天数比例', aim: '—', baseline: fmt.s(duck.ms / 1000), value: fmt.s(eco.ms / 1000), met: null, note: `${rowsText}; baseline DuckDB (@duckdb/node-api) from the same CSV` },
  { what: 'ecociv time ÷ DuckDB time', aim: '≤ 2×', baseline: '—', value: fmt.ratio(ratio), met: ratio <= 2, note: `load before the run: ${load.replace(/.*load average:\s*/, '')}` },
  { what: 'ecociv peak memory (maxRSS of its process)', aim: '≤ 1 GB', baseline: fmt.mb(duck.maxRssMb), value: fmt.mb(eco.maxRssMb), met: eco.maxRssMb <= 1024, note: 'baseline: DuckDB\'s process' },
  { what: '优良天数 per station equal in both', aim: 'all', baseline: '—', value: `${codes.length - differ.length} of ${codes.length}`, met: differ.length === 0 },
]);
if (differ.length) process.exitCode = 1;
