// Benchmark (not a test): the web workspace on localhost in Debian's chromium — time until the overview
// and the scorecard show their figures, first contentful paint, and the JavaScript each page loads
// (gzipped, as served). Run with `npm run bench:web` after `npm run build`.
import { gzipSync } from 'node:zlib';
import { startWorkspace } from '../test/helpers/browser.ts';

const PAGES: Array<{ name: string; path: string; ready: string }> = [
  { name: 'overview', path: '#/overview?plan=wushan-demo-county&year=2021', ready: '[data-testid="count-met-national-demo-county"]' },
  { name: 'scorecard', path: '#/scorecard?plan=wushan-demo-county&year=2021', ready: 'text=村镇饮用水卫生合格率' },
  { name: 'entry', path: '#/entry?plan=wushan-demo-county&year=2022&unit=%E5%8E%BF%E7%94%9F%E6%80%81%E7%8E%AF%E5%A2%83%E5%B1%80', ready: '[data-testid^="entry-input-"]' },
  { name: 'plans', path: '#/plans', ready: 'text=巫山县生态文明建设示范县创建规划（2022—2028年）' },
  { name: 'bigscreen', path: '#/bigscreen?plan=wushan-demo-county&year=2021', ready: '[data-testid="bigscreen-met-national-demo-county"]' },
];
const RUNS = 5;

const ws = await startWorkspace();
try {
  console.log(`ecociv web benchmark: ${RUNS} cold loads per page (new browser context each), 1366×768, node ${process.version}`);
  for (const p of PAGES) {
    const times: number[] = [];
    const fcps: number[] = [];
    const shifts: number[] = [];
    let js = 0;
    let jsGzip = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await ws.blank();
      let raw = 0;
      let gz = 0;
      page.on('response', async (res) => {
        if (!res.url().endsWith('.js')) return;
        const body = await res.body().catch(() => Buffer.alloc(0));
        raw += body.length;
        gz += gzipSync(body).length;
      });
      // Cumulative layout shift (CLS) over the load, as Chromium's layout-instability API reports it.
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
            if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const t0 = Date.now();
      await page.goto(`${ws.base}/${p.path}`);
      await page.locator(p.ready).first().waitFor({ state: 'visible', timeout: 30_000 });
      times.push(Date.now() - t0);
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      fcps.push(fcp);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      shifts.push(await page.evaluate(() => (window as unknown as { __cls: number }).__cls));
      js = raw;
      jsGzip = gz;
      await page.close();
    }
    times.sort((a, b) => a - b);
    fcps.sort((a, b) => a - b);
    console.log(
      `${p.name.padEnd(10)} figures shown ${times[Math.floor(RUNS / 2)]} ms (median; min ${times[0]}, max ${times[RUNS - 1]})  ` +
        `first contentful paint ${Math.round(fcps[Math.floor(RUNS / 2)]!)} ms  layout shift ${Math.max(...shifts).toFixed(3)} (worst)  JavaScript ${(js / 1024).toFixed(0)} KB, ${(jsGzip / 1024).toFixed(0)} KB gzipped`,
    );
  }
} finally {
  await ws.close();
}
