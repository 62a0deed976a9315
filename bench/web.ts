// Benchmark (not a test): the web workspace on localhost in Debian's chromium — time until a page shows its
// figures on a cold cache, and the JavaScript it loads (gzipped, as served) — today's build beside the build of
// an earlier commit (the baseline), both served by this process over one store and loaded in turn.
//
//   npm run bench:web                              (builds web/dist first when stale)
//   BENCH_WEB_RUNS=3 npm run bench:web             fewer cold loads per page
//   BENCH_WEB_BASE=<commit> npm run bench:web      the baseline's commit (default: before the catalogue split)
//   BENCH_WEB_PAGES=plans,overview npm run bench:web   only the pages whose name contains one of these
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildServer } from '../src/server/app.ts';
import { startWorkspace } from '../test/helpers/browser.ts';
import { fmt, reportFigures, type Figure } from './figures.ts';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
/** the commit before the catalogues were split by page */
const BASE = process.env.BENCH_WEB_BASE ?? '0490e71';

interface PageCase {
  name: string;
  path: string;
  ready: string;
  /** English chosen (remembered from an earlier visit) */
  en?: boolean;
  /** the aim for its JavaScript, where the issue sets one (KB gzipped) */
  jsAimKb?: number;
}

const PAGES: PageCase[] = [
  { name: '总览 overview', path: '#/overview?plan=wushan-demo-county&year=2021', ready: '[data-testid="count-met-national-demo-county"]', jsAimKb: 500 },
  { name: 'overview in English', path: '#/overview?plan=wushan-demo-county&year=2021', ready: '[data-testid="count-met-national-demo-county"]', en: true, jsAimKb: 500 },
  { name: '指标 scorecard', path: '#/scorecard?plan=wushan-demo-county&year=2021', ready: 'text=村镇饮用水卫生合格率' },
  { name: '数据填报 entry', path: '#/entry?plan=wushan-demo-county&year=2022&unit=%E5%8E%BF%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80', ready: '[data-testid^="entry-input-"]' },
  { name: '规划 plans', path: '#/plans', ready: 'text=巫山县生态文明建设示范县创建规划（2022—2028年）' },
  { name: '大屏 big screen', path: '#/bigscreen?plan=wushan-demo-county&year=2021', ready: '[data-testid="bigscreen-met-national-demo-county"]' },
];

/** The baseline's web workspace, built once per commit into a folder of its own (its sources from git). */
function baselineBuild(commit: string): string {
  const dir = join(tmpdir(), `ecociv-web-base-${commit}`);
  if (existsSync(join(dir, 'web/dist/index.html'))) return join(dir, 'web/dist');
  console.log(`building the baseline (${commit}) in ${dir} …`);
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${commit} web src vite.config.ts package.json tsconfig.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  execSync('npx vite build --logLevel warn', { cwd: dir, stdio: 'inherit' });
  return join(dir, 'web/dist');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One cold load (fresh context, empty cache): ms until the figures show, and the JavaScript fetched. */
async function coldLoad(page: Page, url: string, c: PageCase): Promise<{ ms: number; jsGzip: number }> {
  let jsGzip = 0;
  const bodies: Promise<void>[] = [];
  page.on('response', (res) => {
    if (!res.url().endsWith('.js')) return;
    bodies.push(res.body().then((b) => void (jsGzip += gzipSync(b).length), () => undefined));
  });
  if (c.en) await page.addInitScript(() => window.localStorage.setItem('ecociv.lang', 'en'));
  const t0 = Date.now();
  await page.goto(url);
  await page.locator(c.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  await page.close();
  return { ms, jsGzip };
}

const only = process.env.BENCH_WEB_PAGES?.split(',');
const chosen = PAGES.filter((c) => !only || only.some((o) => c.name.includes(o)));

const baseDir = baselineBuild(BASE);
const ws = await startWorkspace();
const baseApp = buildServer(ws.store.db, { webDir: baseDir, auth: { failureDelayMs: 0 } });
await baseApp.listen({ port: 0, host: '127.0.0.1' });
// the session cookie is the host's (127.0.0.1), so the same signed-in page works on either port
const baseUrl = `http://127.0.0.1:${(baseApp.server.address() as AddressInfo).port}`;
const figures: Figure[] = [];
try {
  console.log(`ecociv web benchmark: ${RUNS} cold loads per page and build (turn about), 1366×768, baseline ${BASE}, node ${process.version}`);
  for (const c of chosen) {
    const today = { ms: [] as number[], js: 0 };
    const base = { ms: [] as number[], js: 0 };
    for (let i = 0; i < RUNS; i++)
      for (const [side, origin] of [[base, baseUrl], [today, ws.base]] as const) {
        const r = await coldLoad(await ws.blank(), `${origin}/${c.path}`, c);
        side.ms.push(r.ms);
        side.js = r.jsGzip;
      }
    if (process.env.BENCH_WEB_VERBOSE) console.log(`  today ${today.ms.join(" ")}\n  baseline ${base.ms.join(" ")}`);
    const ms = median(today.ms);
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    console.log(`${c.name.padEnd(20)} figures shown ${ms} ms (baseline ${median(base.ms)} ms)  JavaScript ${kb(today.js)} gzipped (baseline ${kb(base.js)})`);
    figures.push({
      what: `web ${c.name}: figures shown, cold (median of ${RUNS})`,
      aim: '≤ 1.5 s',
      baseline: fmt.s(median(base.ms) / 1000),
      value: fmt.s(ms / 1000),
      met: ms <= 1500,
    });
    figures.push({
      what: `web ${c.name}: JavaScript loaded, gzipped`,
      aim: c.jsAimKb ? `≤ ${c.jsAimKb} KB` : '—',
      baseline: kb(base.js),
      value: kb(today.js),
      met: c.jsAimKb ? today.js / 1024 <= c.jsAimKb : null,
    });
  }
} finally {
  await baseApp.close();
  await ws.close();
}
reportFigures('web', `Web workspace (Chromium on localhost, 1366×768; baseline: the build of ${BASE}, served and loaded in turn in the same run)`, figures);
