// One realistic year end to end, as a plan office runs it from the command line on the embedded store: the county's
// station list, a year of hourly air data and monthly water samples, links from statistics to the plan's indicators;
// the figures land on the indicators with their provenance and change the scorecard. The expected figures are known
// by construction of the data (test/helpers/monitoringYear.ts), not by running the code under test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliIn, type CliResult } from '../helpers/cli.ts';
import { airHoursCsv, EXPECTED, STATIONS_CSV, waterSamplesCsv, YEAR } from '../helpers/monitoringYear.ts';

const PLAN = 'wushan-demo-county';
const FW = 'chongqing-demo-county'; // No. 5 环境空气质量: 优良天数比例≥85, PM2.5浓度≤37; No. 6 水环境质量

interface PartResult {
  part: string;
  status: string;
  observation: { printed: string } | null;
}

describe('a county’s monitoring year, end to end on the command line', () => {
  let dir: string;
  let ecociv: (...args: string[]) => Promise<CliResult>;
  const ok = async (...args: string[]): Promise<string> => {
    const r = await ecociv(...args);
    expect(r.stderr.includes('Error') ? r.stderr : r.code, `ecociv ${args.join(' ')}`).toBe(0);
    return r.stdout;
  };
  const partsOf = async (number: string): Promise<PartResult[]> => {
    const a = JSON.parse(await ok('assess', PLAN, '--year', String(YEAR), '--format', 'json')) as { frameworks: Array<{ id: string; results: Array<{ number: string; parts: PartResult[] }> }> };
    return a.frameworks.find((f) => f.id === FW)!.results.find((r) => r.number === number)!.parts;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecociv-monitoring-year-'));
    ecociv = cliIn(dir);
    writeFileSync(join(dir, '站点名单.csv'), STATIONS_CSV);
    writeFileSync(join(dir, `${YEAR}年小时数据.csv`), airHoursCsv());
    writeFileSync(join(dir, `${YEAR}年水质监测.csv`), waterSamplesCsv());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the year, links the indicators, and the scorecard follows the data', { timeout: 240_000 }, async () => {
    const before = await partsOf('5');
    expect(before.map((p) => p.status)).toEqual(['noData', 'noData', 'noData']);

    const stations = JSON.parse(await ok('monitoring', 'import', join(dir, '站点名单.csv'), '--plan', PLAN, '--format', 'json'));
    expect(stations).toMatchObject({ kind: 'stations', rows: 7 });

    const air = ['AQ001', 'AQ002', 'AQ003', EXPECTED.shortStation].join(',');
    await ok('monitoring', 'link', '--plan', PLAN, '--indicator', `${FW} 5`, '--part', '优良天数比例', '--statistic', 'air.goodDaysShare', '--stations', air);
    await ok('monitoring', 'link', '--plan', PLAN, '--indicator', `${FW} 5`, '--part', 'PM2.5浓度', '--statistic', 'air.pm25Mean', '--stations', air);
    await ok('monitoring', 'link', '--plan', PLAN, '--indicator', `${FW} 6`, '--part', '水质达到年度考核目标任务', '--statistic', 'water.sectionCompliance', '--stations', 'WS001,WS002,WS003');

    // the data arrives after the links: the import recomputes the linked figures by itself
    const hours = JSON.parse(await ok('monitoring', 'import', join(dir, `${YEAR}年小时数据.csv`), '--plan', PLAN, '--format', 'json'));
    expect(hours).toMatchObject({ kind: 'air-hours', from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, years: [YEAR] });
    expect(hours.rows).toBe((3 * 365 + EXPECTED.shortStationDays) * 23);
    const water = JSON.parse(await ok('monitoring', 'import', join(dir, `${YEAR}年水质监测.csv`), '--plan', PLAN, '--format', 'json'));
    expect(water).toMatchObject({ kind: 'water', rows: 36 });

    const figures = JSON.parse(await ok('monitoring', 'compute', '--plan', PLAN, '--year', String(YEAR), '--format', 'json')) as Array<{
      part: string | null; statistic: string; value: number | null; printed: string;
      provenance: { validDays: number | null; stations: Array<{ code: string; counted: boolean; reason: string | null; validDays: number }>; editions: Array<{ edition: string }> };
    }>;
    const fig = (statistic: string) => figures.find((f) => f.statistic === statistic)!;
    const good = fig('air.goodDaysShare');
    expect(good.value).toBeCloseTo(EXPECTED.goodDaysShare * 100, 1);
    expect(good.provenance.validDays).toBe(EXPECTED.validDays);
    expect(good.provenance.editions.map((e) => e.edition)).toEqual(['HJ 633-2012']);
    // the 县控 station with seven months of data is reported, not averaged
    const short = good.provenance.stations.find((s) => s.code === EXPECTED.shortStation)!;
    expect(short).toMatchObject({ counted: false, validDays: EXPECTED.shortStationDays });
    expect(['days', 'months']).toContain(short.reason);
    expect(good.provenance.stations.filter((s) => s.counted).map((s) => s.code)).toEqual(['AQ001', 'AQ002', 'AQ003']);
    expect(fig('air.pm25Mean').value).toBeCloseTo(EXPECTED.pm25Mean, 1);
    expect(fig('water.sectionCompliance').value).toBeCloseTo(EXPECTED.sectionsMeetingTarget * 100, 1);

    const after = await partsOf('5');
    const byPart = Object.fromEntries(after.map((p) => [p.part, p]));
    expect(byPart['优良天数比例']!.status).toBe('met'); // 94.8 % ≥ 85 %
    expect(byPart['PM2.5浓度']!.status).toBe('notMet'); // 44.2 µg/m³ > 37
    expect(byPart['基本消除重污染天气']!.status).toBe('noData'); // not linked: untouched

    // the scorecard reads the computed figures as printed
    expect(byPart['优良天数比例']!.observation?.printed).toBe(good.printed);
    expect(byPart['PM2.5浓度']!.observation?.printed).toBe(fig('air.pm25Mean').printed);
  });

  it('refuses a file with a wrong unit, a duplicate hour, −5, 1e9 and a future date, and stores none of it', { timeout: 120_000 }, async () => {
    const bad = [
      '站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(μg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)',
      `AQ001,${YEAR + 1}-01-01 00:00,10,20,500,60,50,40`,
    ].join('\n');
    writeFileSync(join(dir, 'unit.csv'), bad);
    const unit = await ecociv('monitoring', 'import', join(dir, 'unit.csv'), '--plan', PLAN);
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('CO');
    expect(unit.stderr).toContain('mg/m³');

    const rows = [
      '站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)',
      `AQ001,${YEAR + 1}-01-01 00:00,10,20,0.5,60,50,40`,
      `AQ001,${YEAR + 1}-01-01 00:00,10,20,0.5,60,50,40`, // the same hour twice
      `AQ002,${YEAR + 1}-01-01 00:00,-5,20,0.5,60,50,40`,
      `AQ003,${YEAR + 1}-01-01 00:00,10,20,0.5,60,50,1e9`,
      `AQ001,2099-01-01 00:00,10,20,0.5,60,50,40`,
    ].join('\n');
    writeFileSync(join(dir, 'bad.csv'), rows);
    const refused = await ecociv('monitoring', 'import', join(dir, 'bad.csv'), '--plan', PLAN);
    expect(refused.code).toBe(1);
    for (const row of ['第3行', '第4行', '第5行', '第6行']) expect(refused.stderr).toContain(row);
    expect(refused.stderr).toContain('-5');
    expect(refused.stderr).toContain('1e9');
    expect(refused.stderr).toContain('2099-01-01');
    // nothing of either file landed: the next year has no data, so its figures are still 无数据
    const figures = JSON.parse(await ok('monitoring', 'compute', '--plan', PLAN, '--year', String(YEAR + 1), '--format', 'json')) as Array<{ value: number | null; printed: string }>;
    expect(figures.length).toBe(3);
    for (const f of figures) expect(f.value).toBeNull();
  });
});
