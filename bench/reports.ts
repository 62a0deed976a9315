// Benchmark (not a test): time and peak memory to produce each report of Wushan 2021, and every report of a
// synthetic province of 40 counties (each a copy of the Wushan plan with three years of figures), today's way and,
// in the same run, the old way: the code this work started from (BASE_COMMIT, taken out with `git archive` into a
// temporary folder, sharing node_modules), one report after another, each PDF with a contents printed twice.
//
//   npm run bench:reports                 everything, figures through reportFigures('reports', …)
//   npm run bench:reports -- wushan       each kind and format of Wushan 2021, each in a process of its own
//   npm run bench:reports -- province     the 40 counties, `ecociv report --all` as a library call
//
// BENCH_COUNTIES (40) sets the counties of today's run; BENCH_BASE_COUNTIES (2) those of the old way's, which
// takes about 11 s a plan, so its 40-county time is its time per plan times the plans (said so in the figure),
// and today's way runs on the same few counties too for a like-for-like ratio. BENCH_CONCURRENCY sets the plans
// made at once (default: the cores there are). BENCH_SKIP_BASE=1 leaves the old way out.
//
// Store: the embedded PGlite, in memory (what `npm start` uses). Memory is the peak resident set of the Node
// process (VmHWM) and, separately, the largest proportional set (PSS: shared pages divided among the processes
// sharing them) of Chromium's processes together, sampled every 100 ms while printing. Each measurement runs in a
// process of its own, so that one's peak is not another's.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateReport } from '../src/reports/generate.ts';
import { defaultConcurrency, writeAllReports } from '../src/reports/generateAll.ts';
import { FORMATS_OF, REPORT_KINDS } from '../src/reports/model.ts';
import { SharedPrinter } from '../src/reports/render/pdf.ts';
import type { Db } from '../src/store/db.ts';
import { openStore } from '../src/store/index.ts';
import { fmt, reportFigures, type Figure } from './figures.ts';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 40);
const BASE_COUNTIES = Number(process.env.BENCH_BASE_COUNTIES ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? defaultConcurrency());
/** The commit this work started from: the old way. */
const BASE_COMMIT = '0490e71';
const ROOT = new URL('..', import.meta.url).pathname;
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

/** Copy rows of a table with some columns replaced by SQL expressions (columns read from the schema; generated columns are the database's to fill). */
async function copyRows(db: Db, table: string, where: string, replace: Record<string, string>, skip: string[] = []): Promise<void> {
  const cols = (await db.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_name = $1 AND table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY ordinal_position", [table])).rows
    .map((r) => r.column_name)
    .filter((c) => !skip.includes(c));
  await db.exec(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => replace[c] ?? c).join(', ')} FROM ${table} WHERE ${where}`);
}

/** 40 counties, each with a copy of the Wushan plan (targets, lead units, stated judgements, projects, confirmations)
 * and figures for 2021 (Wushan's own) and 2022–2023 (numbers varied by up to ±15 %). */
async function fillProvince(db: Db, counties: number): Promise<void> {
  await db.exec(`CREATE TEMP TABLE bench_counties AS
    SELECT g AS n, 'bench-county-' || lpad(g::text, 2, '0') AS plan_id, '示范县' || lpad(g::text, 2, '0') AS region FROM generate_series(1, ${counties}) g`);
  await db.exec(`INSERT INTO regions (name, level, terrain, climate, coastal)
    SELECT region, '区县', (ARRAY['山区','丘陵','平原'])[1 + n % 3], '湿润地区', false FROM bench_counties`);
  for (let n = 1; n <= counties; n++) {
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

interface ProvinceRun {
  plans: number;
  files: number;
  bytes: number;
  seconds: number;
  nodeMb: number;
  chromiumMb: number;
}

/** Every report of every plan of a province of `counties` counties, today's way, in this process; the last line of
 * output is the run as JSON. */
async function province(counties: number, concurrency: number): Promise<void> {
  const db = await openStore({ dataDir: 'memory://' });
  const outDir = mkdtempSync(join(tmpdir(), 'ecociv-bench-reports-'));
  const printer = new SharedPrinter();
  try {
    const t0 = performance.now();
    await fillProvince(db, counties);
    const n = await db.query<{ n: string }>("SELECT count(*) AS n FROM observations WHERE plan_id LIKE 'bench-county-%'");
    console.log(`Synthetic province: ${counties} counties × the Wushan plan, years ${YEARS.join(', ')}: ${Number(n.rows[0]!.n).toLocaleString('en-US')} observations filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const byFile = new Map<string, number[]>();
    const chromium = watchChildren();
    const t1 = performance.now();
    const r = await writeAllReports(db, {
      outDir,
      generatedOn: ON,
      printer: printer.get,
      concurrency,
      onProgress: (line) => {
        // each line says what was made and in how many seconds (with other plans being made beside it)
        const m = /\] \S+ \d+年 (\S+) \.(\w+) → .*（([\d.]+) 秒）/.exec(line);
        if (m) byFile.set(`${m[1]} .${m[2]}`, [...(byFile.get(`${m[1]} .${m[2]}`) ?? []), Number(m[3])]);
        if (/^\[(\d+)\//.exec(line)?.[1]?.endsWith('0')) process.stderr.write(`${line}\n`);
      },
    });
    const seconds = (performance.now() - t1) / 1000;
    const chromiumMb = chromium.stop();
    const bytes = r.written.reduce((s, f) => s + readFileSync(f).length, 0);
    const plans = r.written.length / 7;
    console.log(`All reports of ${plans} plans (${r.written.length} files, ${(bytes / 2 ** 20).toFixed(0)} MB), ${concurrency} at once: ${seconds.toFixed(1)} s, ${(seconds / plans).toFixed(2)} s a plan; node peak RSS ${peakRssMb()} MB, Chromium peak PSS ${chromiumMb} MB`);
    for (const [file, times] of byFile) {
      const sorted = [...times].sort((a, b) => a - b);
      console.log(`  ${file.padEnd(18)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s  max ${sorted[sorted.length - 1]!.toFixed(2)} s`);
    }
    const run: ProvinceRun = { plans, files: r.written.length, bytes, seconds, nodeMb: peakRssMb(), chromiumMb };
    console.log(JSON.stringify(run));
  } finally {
    await printer.close();
    await db.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The code this work started from, in a temporary folder of its own (node_modules shared). */
function baseTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecociv-bench-base-'));
  execFileSync('sh', ['-c', `git -C '${ROOT}' archive ${BASE_COMMIT} | tar -x -C '${dir}'`]);
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

const script = (root: string) => join(root, 'bench', 'reports.ts');

/** A measurement in a process of its own; tried a second time if it fails (on a machine shared with other work, a
 * browser can be starved into a timeout), with what it said on failing. */
function child(root: string, args: string[], env: Record<string, string> = {}, tries = 2): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', script(root), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 2 ** 20 });
  } catch (e) {
    console.log(`  ${args.join(' ')} failed: ${String((e as { stderr?: string }).stderr ?? e).split('\n').filter(Boolean).slice(-3).join(' | ')}`);
    if (tries <= 1) throw e;
    return child(root, args, env, tries - 1);
  }
}

type OneRun = { kind: string; format: string; cold: number; warm: number; bytes: number; baselineMb: number; peakMb: number; chromiumMb: number };
const oneRun = (out: string) => JSON.parse(out.trim().split('\n').pop()!) as OneRun;

function todayProvince(counties: number): ProvinceRun {
  const out = child(ROOT, ['--province', String(counties), String(CONCURRENCY)]);
  process.stdout.write(out.split('\n').slice(0, -2).map((l) => `  ${l}\n`).join(''));
  return JSON.parse(out.trim().split('\n').pop()!) as ProvinceRun;
}

/** The old way's province run, read from the lines its benchmark printed. */
function baseProvince(root: string, counties: number): ProvinceRun {
  const out = child(root, ['province'], { BENCH_COUNTIES: String(counties) });
  const m = /All reports of (\d+) plans \((\d+) files, (\d+) MB\): ([\d.]+) s.*node peak RSS (\d+) MB, Chromium peak PSS (\d+) MB/.exec(out);
  if (!m) throw new Error(`the old way's benchmark said:\n${out}`);
  process.stdout.write(out.split('\n').filter((l) => /^(All|Synthetic|  )/.test(l)).map((l) => `  ${l}\n`).join(''));
  return { plans: Number(m[1]), files: Number(m[2]), bytes: Number(m[3]) * 2 ** 20, seconds: Number(m[4]), nodeMb: Number(m[5]), chromiumMb: Number(m[6]) };
}

/** Everything, today's way beside the old way, as figures. */
function figures(): void {
  const skipBase = process.env.BENCH_SKIP_BASE === '1';
  const base = skipBase ? undefined : baseTree();
  try {
    const figures: Figure[] = [];
    console.log(`Today's way: ${CONCURRENCY} plans at once, contents numbered from one printing; the old way: ${BASE_COMMIT}, one at a time, printed twice`);
    console.log(`Province of ${COUNTIES} counties, today's way`);
    const today = todayProvince(COUNTIES);
    console.log(`Province of ${BASE_COUNTIES} counties, today's way`);
    const todaySmall = todayProvince(BASE_COUNTIES);
    let old: ProvinceRun | undefined;
    if (base) {
      console.log(`Province of ${BASE_COUNTIES} counties, the old way`);
      old = baseProvince(base, BASE_COUNTIES);
    }
    const scaled = old ? (old.seconds / old.plans) * today.plans : undefined;
    figures.push(
      {
        what: `all reports of a province: ${COUNTIES} counties + the 2 built-in plans with figures (${today.files} files, ${Math.round(today.bytes / 2 ** 20)} MB)`,
        aim: '≤ 120 s',
        baseline: scaled === undefined ? '—' : `${scaled.toFixed(0)} s (scaled)`,
        value: `${today.seconds.toFixed(1)} s`,
        met: today.seconds <= 120,
        note: `old way's time per plan on ${old?.plans ?? '—'} plans × ${today.plans} plans; ${CONCURRENCY} plans at once today`,
      },
      {
        what: `the same on ${BASE_COUNTIES} counties + 2 (${todaySmall.files} files), both ways measured`,
        aim: '—',
        baseline: old ? `${old.seconds.toFixed(1)} s` : '—',
        value: `${todaySmall.seconds.toFixed(1)} s${old ? ` (${fmt.ratio(old.seconds / todaySmall.seconds)} faster)` : ''}`,
        met: null,
      },
      { what: 'files made (the old way: the same 7 a plan)', aim: '—', baseline: old ? `${old.files} for ${old.plans} plans` : '—', value: `${today.files} for ${today.plans} plans`, met: null },
      { what: 'Node peak RSS (the embedded store about 1,000 MB of it)', aim: '—', baseline: old ? fmt.mb(old.nodeMb) : '—', value: fmt.mb(today.nodeMb), met: null, note: `old way on ${old?.plans ?? '—'} plans; it does not grow with the plans` },
      { what: 'Chromium peak PSS, all its processes', aim: '—', baseline: old ? fmt.mb(old.chromiumMb) : '—', value: fmt.mb(today.chromiumMb), met: null, note: `a page per plan at work: ${CONCURRENCY} at once today, 1 the old way` },
    );
    for (const [kind, format, label] of [
      ['annual', 'pdf', '年度自评估报告 .pdf (21 pages, with contents)'],
      ['midterm', 'pdf', '中期评估报告 .pdf (with contents)'],
      ['annual', 'docx', '年度自评估报告 .docx'],
    ] as const) {
      const now = oneRun(child(ROOT, ['--one', kind, format]));
      const then = base ? oneRun(child(base, ['--one', kind, format])) : undefined;
      figures.push({
        what: `Wushan 2021 ${label}, one report, warm`,
        aim: '—',
        baseline: then ? fmt.s(then.warm) : '—',
        value: fmt.s(now.warm),
        met: null,
        note: `cold (Chromium starting) ${then ? `${fmt.s(then.cold)} → ` : ''}${fmt.s(now.cold)}`,
      });
    }
    reportFigures('reports', 'Reports: a province, and single reports (`npm run bench:reports`)', figures);
  } finally {
    if (base) rmSync(base, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--one') await one(args[1]!, args[2]!);
else if (args[0] === '--province') await province(Number(args[1]), Number(args[2]));
else {
  const which = args.filter((a) => !a.startsWith('-'));
  console.log(`ecociv reports benchmark; node ${process.version}`);
  if (which.includes('wushan')) wushan();
  if (which.includes('province')) await province(COUNTIES, CONCURRENCY);
  if (which.length === 0) figures();
}
