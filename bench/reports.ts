// Benchmark (not a test): time and peak memory to produce each report of Wushan 2021, and every report of a
// synthetic province of 40 counties (each a copy of the Wushan plan with three years of figures).
//
//   npm run bench:reports                 both
//   npm run bench:reports -- wushan       each kind and format of Wushan 2021, each in a process of its own
//   npm run bench:reports -- province     the 40 counties, `ecociv report --all` as a library call
//
// Store: the embedded PGlite, in memory (what `npm start` uses). Memory is the peak resident set of the Node
// process (VmHWM) and, separately, the largest proportional set (PSS: shared pages divided among the processes
// sharing them) of Chromium's processes together, sampled every 100 ms while printing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport } from '../src/reports/generate.ts';
import { writeAllReports } from '../src/reports/generateAll.ts';
import { FORMATS_OF, REPORT_KINDS } from '../src/reports/model.ts';
import { SharedPrinter } from '../src/reports/render/pdf.ts';
import type { Db } from '../src/store/db.ts';
import { openStore } from '../src/store/index.ts';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 40);
const YEARS = [2021, 2022, 2023];
const ON = new Date('2026-11-22T09:00:00+08:00');

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage().rss / 2 ** 20);
}

/** The memory of this process's descendants (Chromium), sampled while work runs; the largest sum seen. */
function watchChildren(): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    const parent = new Map<number, number>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // the process ended meanwhile
      }
    }
    const mine = (pid: number): boolean => {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
      return false;
    };
    let sum = 0;
    for (const pid of parent.keys()) {
      if (!mine(pid)) continue;
      try {
        sum += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {
        // the process ended meanwhile
      }
    }
    peak = Math.max(peak, sum);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peak / 2 ** 20);
    },
  };
}

/** One report in this process: cold (first, with Chromium's start for a PDF) and warm (the same again). */
async function one(kind: string, format: string): Promise<void> {
  const db = await openStore({ dataDir: 'memory://' });
  const baseline = peakRssMb();
  const printer = new SharedPrinter();
  const chromium = watchChildren();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const file = await generateReport(db, { plan: 'wushan-demo-county', year: 2021, kind, format, generatedOn: ON }, printer.get);
    times.push((performance.now() - t0) / 1000);
    bytes = file.data.length;
  }
  const chromiumMb = chromium.stop();
  await printer.close();
  await db.close();
  const warm = [...times.slice(1)].sort((a, b) => a - b)[0]!;
  console.log(JSON.stringify({ kind, format, cold: times[0], warm, bytes, baselineMb: baseline, peakMb: peakRssMb(), chromiumMb }));
}

function wushan(): void {
  console.log('Wushan 2021, each report in a process of its own (PGlite in memory; cold = first, with Chromium starting; warm = best of the next two)');
  console.log('kind         format  cold s  warm s  size      node peak RSS (store alone)  Chromium peak PSS (PDF; Word charts)');
  for (const kind of REPORT_KINDS)
    for (const format of FORMATS_OF[kind]) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--one', kind, format], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      const r = JSON.parse(out.trim().split('\n').pop()!) as { kind: string; format: string; cold: number; warm: number; bytes: number; baselineMb: number; peakMb: number; chromiumMb: number };
      const size = r.bytes >= 2 ** 20 ? `${(r.bytes / 2 ** 20).toFixed(1)} MB` : `${Math.round(r.bytes / 1024)} KB`;
      console.log(
        `${r.kind.padEnd(12)} ${r.format.padEnd(7)} ${r.cold.toFixed(2).padStart(6)}  ${r.warm.toFixed(2).padStart(6)}  ${size.padEnd(8)}  ${`${r.peakMb} MB (${r.baselineMb} MB)`.padEnd(27)}  ${r.chromiumMb > 0 ? `${r.chromiumMb} MB` : '—'}`,
      );
    }
}

/** Copy rows of a table with some columns replaced by SQL expressions (columns read from the schema). */
async function copyRows(db: Db, table: string, where: string, replace: Record<string, string>, skip: string[] = []): Promise<void> {
  const cols = (await db.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position', [table])).rows
    .map((r) => r.column_name)
    .filter((c) => !skip.includes(c));
  await db.exec(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => replace[c] ?? c).join(', ')} FROM ${table} WHERE ${where}`);
}

/** 40 counties, each with a copy of the Wushan plan (targets, lead units, stated judgements, projects, confirmations)
 * and figures for 2021 (Wushan's own) and 2022–2023 (numbers varied by up to ±15 %). */
async function fillProvince(db: Db): Promise<void> {
  await db.exec(`CREATE TEMP TABLE bench_counties AS
    SELECT g AS n, 'bench-county-' || lpad(g::text, 2, '0') AS plan_id, '示范县' || lpad(g::text, 2, '0') AS region FROM generate_series(1, ${COUNTIES}) g`);
  await db.exec(`INSERT INTO regions (name, level, terrain, climate, coastal)
    SELECT region, '区县', (ARRAY['山区','丘陵','平原'])[1 + n % 3], '湿润地区', false FROM bench_counties`);
  for (let n = 1; n <= COUNTIES; n++) {
    const id = `'bench-county-${String(n).padStart(2, '0')}'`;
    const region = `(SELECT id FROM regions WHERE name = '示范县${String(n).padStart(2, '0')}')`;
    await copyRows(db, 'plans', `id = 'wushan-demo-county'`, { id, region_id: region, title: `replace(title, '巫山县', '示范县${String(n).padStart(2, '0')}')`, builtin: 'false' });
    for (const t of ['plan_frameworks', 'targets', 'lead_units', 'stated_judgements', 'project_groups']) await copyRows(db, t, `plan_id = 'wushan-demo-county'`, { plan_id: id });
    await copyRows(db, 'projects', `plan_id = 'wushan-demo-county'`, { plan_id: id }, ['id']);
    await copyRows(db, 'confirmations', `plan_id = 'wushan-demo-county'`, { plan_id: id, region_id: region }, ['id']);
    await copyRows(db, 'observations', `region_id = (SELECT region_id FROM plans WHERE id = 'wushan-demo-county') AND year = 2021`, { region_id: region, plan_id: id });
  }
  // later years: exact numbers varied, everything else carried forward
  for (const year of YEARS.slice(1))
    await copyRows(
      db,
      'observations',
      `year = 2021 AND region_id IN (SELECT r.id FROM regions r JOIN bench_counties c ON c.region = r.name)`,
      {
        year: String(year),
        printed: `CASE WHEN reading->'value'->>'kind' = 'number' AND reading->'value'->'lo' = reading->'value'->'hi'
                   THEN round(least(CASE WHEN (reading->'value'->>'lo')::float8 <= 100 THEN 100 ELSE 1e12 END, (reading->'value'->>'lo')::float8 * (0.9 + random() * 0.25))::numeric, 2)::text
                   ELSE printed END`,
        reading: `CASE WHEN reading->'value'->>'kind' = 'number' AND reading->'value'->'lo' = reading->'value'->'hi'
                   THEN jsonb_build_object('value', jsonb_build_object('kind','number','lo',0,'hi',0,'loOpen',false,'hiOpen',false), 'marks','[]'::jsonb,'asterisk',false,'flags','[]'::jsonb,'notes','[]'::jsonb)
                   ELSE reading END`,
        footnote: 'NULL',
        source: 'NULL',
        origin: `'import'`,
      },
    );
  // the varied numbers' readings follow their printed text
  await db.exec(`UPDATE observations SET reading = jsonb_set(jsonb_set(reading, '{value,lo}', to_jsonb(printed::float8)), '{value,hi}', to_jsonb(printed::float8))
    WHERE origin = 'import' AND reading->'value'->>'kind' = 'number' AND printed ~ '^[0-9.]+$'`);
  await db.exec('ANALYZE');
}

async function province(): Promise<void> {
  const db = await openStore({ dataDir: 'memory://' });
  const outDir = mkdtempSync(join(tmpdir(), 'ecociv-bench-reports-'));
  const printer = new SharedPrinter();
  try {
    const t0 = performance.now();
    await fillProvince(db);
    const n = await db.query<{ n: string }>("SELECT count(*) AS n FROM observations WHERE plan_id LIKE 'bench-county-%'");
    console.log(`Synthetic province: ${COUNTIES} counties × the Wushan plan, years ${YEARS.join(', ')}: ${Number(n.rows[0]!.n).toLocaleString('en-US')} observations filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const byFile = new Map<string, number[]>();
    const chromium = watchChildren();
    const t1 = performance.now();
    let last = t1;
    const r = await writeAllReports(db, {
      outDir,
      generatedOn: ON,
      printer: printer.get,
      onProgress: (line) => {
        const m = /\] \S+ \d+年 (\S+) \.(\w+) → /.exec(line);
        const now = performance.now();
        if (m) byFile.set(`${m[1]} .${m[2]}`, [...(byFile.get(`${m[1]} .${m[2]}`) ?? []), (now - last) / 1000]);
        last = now;
        if (/^\[(\d+)\//.exec(line)?.[1]?.endsWith('0')) process.stderr.write(`${line}\n`);
      },
    });
    const seconds = (performance.now() - t1) / 1000;
    const chromiumMb = chromium.stop();
    const bytes = r.written.reduce((s, f) => s + readFileSync(f).length, 0);
    console.log(`All reports of ${r.written.length / 7} plans (${r.written.length} files, ${(bytes / 2 ** 20).toFixed(0)} MB): ${seconds.toFixed(1)} s, ${(seconds / r.written.length).toFixed(2)} s a file; node peak RSS ${peakRssMb()} MB, Chromium peak PSS ${chromiumMb} MB`);
    for (const [file, times] of byFile) {
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`  ${file.padEnd(18)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s  max ${sorted[sorted.length - 1]!.toFixed(2)} s`);
    }
  } finally {
    await printer.close();
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--one') await one(args[1]!, args[2]!);
else {
  const which = args.filter((a) => !a.startsWith('-'));
  console.log(`ecociv reports benchmark; node ${process.version}`);
  if (which.length === 0 || which.includes('wushan')) wushan();
  if (which.length === 0 || which.includes('province')) await province();
}
