// 监测数据 in a real browser (Debian's chromium through playwright-core), over a year of hourly data for three
// air stations and monthly samples of two sections inserted with SQL: the stations table and map, the AQI
// calendar of the region and of a station (no-data days grey, counted apart), the water table, a computed
// figure beside a person's figure; the plan office edits a station, a leader only reads. Screenshots of the
// page as the plan office and as a leader go to test/e2e/screenshots/ (look at them).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/auth/roles.ts';
import { SESSION_COOKIE } from '../../src/server/auth.ts';
import type { Db } from '../../src/store/db.ts';
import { createUser, signIn } from '../../src/store/users.ts';
import { TEST_PASSWORD } from '../helpers/api.ts';
import { SHOTS, startWorkspace, type Workspace } from '../helpers/browser.ts';

const PLAN = 'wushan-demo-county';
const YEAR = 2026;
/** This year in Beijing: the year of the overview's and the big screen's live figures. */
const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

/** Three air stations with hours of 2026 up to 2 December (none on 1–5 September; WS02 none on 10–20 July), two sections with monthly samples. */
export async function seedMonitoring(db: Db): Promise<void> {
  const regionId = Number((await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [PLAN])).rows[0]!.region_id);
  const ids: number[] = [];
  for (const [kind, code, name, lon, lat, target, water] of [
    ['air', 'WS01', '县政府', 109.878, 31.074, null, null],
    ['air', 'WS02', '高唐街道', 109.892, 31.081, null, null],
    ['air', 'WS03', '巫峡镇', 109.905, 31.061, null, null],
    ['water', 'WS-W1', '大宁河培石', 109.861, 31.122, 3, '大宁河'],
    ['water', 'WS-W2', '长江培石', 109.921, 31.049, 2, '长江'],
  ] as const)
    ids.push(
      Number(
        (
          await db.query<{ id: number }>(
            `INSERT INTO stations (region_id, kind, code, name, level, waterbody, water_name, target_class, longitude, latitude) VALUES ($1, $2, $3, $4, 'national', $5, $6, $7, $8, $9) RETURNING id`,
            [regionId, kind, code, name, kind === 'air' ? null : 'river', water, target, lon, lat],
          )
        ).rows[0]!.id,
      ),
    );
  const imp = Number((await db.query<{ id: number }>(`INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, 'air-hours', '巫山县2026年小时数据.csv', 'x', 0, 'test') RETURNING id`, [regionId])).rows[0]!.id);
  await db.query(
    `INSERT INTO air_hours (station_id, hour, so2, no2, co, o3, pm10, pm25, import_id)
     SELECT s.id, h,
            round((8 + 3 * sin(d * 0.3 + s.i))::numeric, 1),
            round((22 + 10 * sin(2 * pi() * (hod - 8) / 24) + 4 * s.i)::numeric, 1),
            round((0.6 + 0.3 * cos(2 * pi() * d / 365))::numeric, 2),
            round(greatest(5, 70 + 45 * sin(2 * pi() * (d - 100) / 365) + 45 * sin(2 * pi() * (hod - 9) / 24) + 15 * sin(d * 0.9 + s.i))::numeric, 1),
            round((1.6 * greatest(4, 36 + 30 * cos(2 * pi() * d / 365) + 18 * sin(d * 0.7 + s.i) + 5 * sin(hod * 0.26)))::numeric, 1),
            round(greatest(4, 36 + 30 * cos(2 * pi() * d / 365) + 18 * sin(d * 0.7 + s.i) + 5 * sin(hod * 0.26))::numeric, 1),
            $4
       FROM (VALUES ($1::int, 1), ($2::int, 2), ($3::int, 3)) AS s(id, i)
       CROSS JOIN generate_series('2026-01-01 00:00'::timestamp, '2026-12-02 23:00'::timestamp, interval '1 hour') AS h
       CROSS JOIN LATERAL (SELECT extract(doy FROM h)::float8 AS d, extract(hour FROM h)::float8 AS hod) x
      WHERE NOT (h >= '2026-09-01' AND h < '2026-09-06') AND NOT (s.i = 2 AND h >= '2026-07-10' AND h < '2026-07-21')`,
    [ids[0], ids[1], ids[2], imp],
  );
  for (let m = 1; m <= 11; m++) {
    const on = `2026-${String(m).padStart(2, '0')}-08`;
    await db.query('INSERT INTO water_samples (station_id, sampled_on, sample_values, import_id) VALUES ($1, $2, $3::jsonb, $4)', [ids[3], on, JSON.stringify({ pH: 7.8, DO: 8.2, CODMn: 2.6, 'NH3-N': m === 7 ? 1.3 : 0.32, TP: 0.08 }), imp]);
    if (m !== 4) await db.query('INSERT INTO water_samples (station_id, sampled_on, sample_values, import_id) VALUES ($1, $2, $3::jsonb, $4)', [ids[4], on, JSON.stringify({ pH: 7.9, DO: 7.6, CODMn: 1.8, 'NH3-N': m >= 6 && m <= 8 ? 0.62 : 0.2, TP: 0.05 }), imp]);
  }
  // a computed figure of 空气质量优良天数比例, beside the figure the plan's document gives for that year
  const o = (
    await db.query<{ indicator_id: number; part: string; year: number; name: string }>(
      `SELECT o.indicator_id, o.part, o.year, i.name FROM observations o JOIN indicators i ON i.id = o.indicator_id
        WHERE o.region_id = $1 AND (i.name LIKE '%优良天数比例%' OR o.part = '优良天数比例') AND o.origin <> 'computed' ORDER BY o.year DESC LIMIT 1`,
      [regionId],
    )
  ).rows[0];
  if (!o) throw new Error('no figure of 优良天数比例 in the built-in plan');
  {
    const provenance = {
      statistic: 'air.goodDaysShare',
      stations: [
        { code: 'WS01', name: '县政府', validDays: 352, counted: true, reason: null },
        { code: 'WS02', name: '高唐街道', validDays: 349, counted: true, reason: null },
        { code: 'WS03', name: '巫峡镇', validDays: 301, counted: false, reason: 'days' },
      ],
      editions: [{ edition: 'HJ 633-2012', from: `${o.year}-01-01`, to: `${o.year}-12-31`, days: 352 }],
      validDays: 352,
      imports: [{ fileName: `巫山县${o.year}年小时数据.csv`, importedAt: '2026-01-05T08:00:00Z' }],
      computedAt: '2026-01-05T08:01:00Z',
    };
    await db.query(`INSERT INTO computed_figures (plan_id, indicator_id, part, year, region_id, statistic, value, printed, provenance) VALUES ($1, $2, $3, $4, $5, 'air.goodDaysShare', 93.2, '93.2%', $6::jsonb)`, [
      PLAN,
      o.indicator_id,
      o.part,
      o.year,
      regionId,
      JSON.stringify(provenance),
    ]);
  }
}

describe('监测数据 in Chromium', () => {
  let ws: Workspace;
  /** a page signed in as this user */
  const as = async (username: string, path: string): Promise<Page> => {
    const page = await ws.signedOut('#/plans', { width: 1440, height: 900 });
    const s = await signIn(ws.store.db, username, TEST_PASSWORD, { ip: '127.0.0.1', userAgent: 'test' });
    if (!s.ok) throw new Error(`sign-in of ${username} failed`);
    await page.context().addCookies([{ name: SESSION_COOKIE, value: s.token, url: ws.base, httpOnly: true, sameSite: 'Strict' }]);
    // the sign-in form was shown: the page is loaded again with the session
    await page.goto(`${ws.base}/${path}`);
    await page.reload();
    return page;
  };

  beforeAll(async () => {
    ws = await startWorkspace();
    await seedMonitoring(ws.store.db);
    await createUser(ws.store.db, { username: 'ws-office', displayName: '巫山县规划办', password: TEST_PASSWORD, roles: [{ role: 'planOffice', region: '巫山县' }] }, SYSTEM_ACTOR);
    await createUser(ws.store.db, { username: 'ws-leader', displayName: '巫山县领导', password: TEST_PASSWORD, roles: [{ role: 'leader', region: '巫山县' }] }, SYSTEM_ACTOR);
  }, 120_000);
  afterAll(async () => {
    await ws?.close();
  });

  it('the plan office sees the stations, the region’s calendar with 无数据 apart, and edits a station', async () => {
    const page = await as('ws-office', `#/monitoring?plan=${PLAN}&year=${YEAR}`);
    await page.getByTestId('monitoring-page').waitFor({ timeout: 20_000 });
    const table = page.getByTestId('monitoring-stations');
    await expect.poll(() => table.textContent(), { timeout: 20_000 }).toContain('高唐街道');
    expect(await table.textContent()).toContain('大宁河培石');
    await expect.poll(() => page.getByTestId('monitoring-calendar-chart').locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // 1–5 September: no station has data; the region's calendar counts those days as 无数据, apart from every category
    const counts = page.getByTestId('monitoring-calendar-counts');
    await expect.poll(() => counts.textContent()).toMatch(/有效天数 \d+ 天.*无数据 \d+ 天/);
    const noData = Number(/无数据 (\d+) 天/.exec((await counts.textContent())!)![1]);
    expect(noData).toBeGreaterThanOrEqual(6); // 1–5 September and 3 December (today, no hours yet)
    await expect.poll(() => page.getByTestId('monitoring-water').textContent()).toContain('无数据');
    await expect.poll(() => page.getByTestId('monitoring-map').locator('canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'monitoring-office.png'), fullPage: true });

    // a station's own calendar: WS02 has 11 more days without data (10–20 July)
    await page.getByTestId('station-view-WS02').click();
    await expect.poll(() => page.getByText('高唐街道 AQI 日历').count()).toBe(1);
    await expect.poll(async () => Number(/无数据 (\d+) 天/.exec((await counts.textContent()) ?? '')?.[1] ?? 0)).toBe(noData + 11);

    // edit: a code already used is refused beside its field; a new name is saved
    await page.getByTestId('station-edit-WS03').click();
    await page.getByTestId('station-code').fill('WS01');
    await page.getByTestId('station-save').click();
    await expect.poll(() => page.getByTestId('station-error-编码').textContent()).toContain('WS01');
    await page.getByTestId('station-code').fill('WS03');
    await page.getByTestId('station-name').fill('巫峡镇（新址）');
    await page.getByTestId('station-save').click();
    await expect.poll(() => table.textContent()).toContain('巫峡镇（新址）');
    await page.close();
  }, 120_000);

  it('a leader reads the same page without the edit buttons', async () => {
    const page = await as('ws-leader', `#/monitoring?plan=${PLAN}&year=${YEAR}`);
    const table = page.getByTestId('monitoring-stations');
    await expect.poll(() => table.textContent(), { timeout: 20_000 }).toContain('县政府');
    expect(await page.getByTestId('station-add').count()).toBe(0);
    expect(await page.getByTestId('station-edit-WS01').count()).toBe(0);
    await expect.poll(() => page.getByTestId('monitoring-calendar-chart').locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('monitoring-figures').textContent()).toContain('93.2%');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'monitoring-leader.png'), fullPage: true });
    // in English: the page's own words change, the standards' class names stay
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('monitoring-calendar-counts').textContent(), { timeout: 20_000 }).toMatch(/valid days/);
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'monitoring-leader-en.png'), fullPage: true });
    await page.getByTestId('language-switch').click();
    await page.close();
  }, 120_000);

  it('the overview shows the live figures, and links to the page', async () => {
    const page = await as('ws-leader', `#/overview?plan=${PLAN}&year=2021`);
    const live = page.getByTestId('monitoring-live-light');
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toContain('优良天数比例');
    // the live figures are this year's (Beijing): the seeded 2026, or 无数据 in a later year — never a 0
    expect(await page.getByTestId('live-good-share').textContent()).toMatch(thisYear === YEAR ? /\d+\.\d%/ : /无数据/);
    expect(await page.getByTestId('live-pm25').textContent()).toMatch(thisYear === YEAR ? /\d/ : /无数据/);
    await live.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'monitoring-overview.png') });
    await page.close();
  }, 60_000);

  it('the big screen shows the live figures in its strip, and still fits 1920×1080', async () => {
    const page = await as('ws-leader', `#/bigscreen?plan=${PLAN}&year=2021`);
    await page.setViewportSize({ width: 1920, height: 1080 });
    const live = page.getByTestId('monitoring-live-dark');
    await expect.poll(() => live.textContent(), { timeout: 30_000 }).toMatch(thisYear === YEAR ? /优良天数比例\d+\.\d%/ : /优良天数比例无数据/);
    await expect.poll(() => page.getByTestId('bigscreen-investment-chart').locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1920, 1080]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'monitoring-bigscreen.png') });
    await page.close();
  }, 60_000);
});
