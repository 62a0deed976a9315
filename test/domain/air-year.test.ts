// A year of air data by the standards' rules, with every expected figure worked by hand from HJ 633, GB 3095 and
// HJ 663 (the arithmetic is written out beside each expectation), not taken from the code.
import { describe, expect, it } from 'vitest';
import { emptyHours, hourIndex, hoursInYear, regionAirYear, stationYear, type HourlyPollutant, type StationYearInput } from '../../src/domain/airYear.ts';
import { computeStatistic, printStatistic } from '../../src/domain/monitoringStatistics.ts';

type Levels = Record<HourlyPollutant, number>;

/** A station whose every hour of the year holds the same values (NaN where `missing(date)` is true). */
function constantStation(code: string, year: number, levels: Levels, missing: (date: string) => boolean = () => false): StationYearInput {
  const hours: Partial<Record<HourlyPollutant, Float32Array>> = {};
  for (const p of Object.keys(levels) as HourlyPollutant[]) {
    const a = emptyHours(year);
    for (let i = 0; i < hoursInYear(year); i++) {
      const date = new Date(Date.UTC(year, 0, 1) + Math.floor(i / 24) * 86_400_000).toISOString().slice(0, 10);
      if (!missing(date)) a[i] = levels[p];
    }
    hours[p] = a;
  }
  return { code, name: `站点${code}`, year, hours };
}

const CLEAN: Levels = { SO2: 10, NO2: 30, CO: 0.8, O3: 100, PM10: 80, 'PM2.5': 30 };

describe('a station’s day', () => {
  it('HJ 633-2012: PM2.5 60 µg/m³ is IAQI 82 — a good day', () => {
    // PM2.5_24h 60 between BP 35 (IAQI 50) and 75 (IAQI 100): 50 + (100−50)/(75−35)·(60−35) = 81.25 → carried up to 82.
    // PM10 80: 50 + 50/100·30 = 65; SO2 10: 10; NO2 30 ≤ 40: 37.5 → 38; CO 0.8: 20; O3_8h 100: 50; O3_1h 100: 31.25 → 32.
    const s = stationYear(constantStation('A', 2025, { ...CLEAN, 'PM2.5': 60 }));
    const d = s.days.find((x) => x.date === '2025-06-01')!;
    expect(d.edition).toBe('HJ 633-2012');
    expect(d.values['PM2.5_24h']).toBeCloseTo(60, 4);
    expect(d.aqi).toBe(82);
  });

  it('HJ 633-2026: the same 60 µg/m³ is IAQI 100, and 61 µg/m³ is 101 — no longer good', () => {
    // 2026 表3: PM2.5 BP 60 at IAQI 100, so 60 → 100; 61: 100 + (150−100)/(115−60)·1 = 100.9 → 101 (轻度污染).
    // PM10 80 against BP 50 (50) … 120 (100): 50 + 50/70·30 = 71.4 → 72.
    const at60 = stationYear(constantStation('A', 2026, { ...CLEAN, 'PM2.5': 60 }));
    expect(at60.days.find((x) => x.date === '2026-06-01')!.aqi).toBe(100);
    const at61 = stationYear(constantStation('A', 2026, { ...CLEAN, 'PM2.5': 61 }));
    expect(at61.days.find((x) => x.date === '2026-06-01')).toMatchObject({ edition: 'HJ 633-2026', aqi: 101 });
    // before 2026-03-01 the same day is HJ 633-2012's: 50 + 1.25·26 = 82.5 → 83
    expect(at61.days.find((x) => x.date === '2026-02-28')).toMatchObject({ edition: 'HJ 633-2012', aqi: 83 });
  });

  it('a 24-hour mean needs 20 valid hours (GB 3095-2012 表4): 19 hours make no day', () => {
    const input = constantStation('A', 2025, CLEAN);
    const pm = input.hours!['PM2.5']!;
    const at = hourIndex(2025, '2025-04-10', 0);
    for (let h = 0; h < 5; h++) pm[at + h] = Number.NaN; // 19 valid hours
    const at2 = hourIndex(2025, '2025-04-11', 0);
    for (let h = 0; h < 4; h++) pm[at2 + h] = Number.NaN; // 20 valid hours
    const s = stationYear(input);
    expect(s.days.find((d) => d.date === '2025-04-10')!.values['PM2.5_24h']).toBeNull();
    expect(s.days.find((d) => d.date === '2025-04-10')!.aqi).toBeNull();
    expect(s.days.find((d) => d.date === '2025-04-11')!.values['PM2.5_24h']).toBeCloseTo(30, 4);
  });

  it('O3 daily maximum 8-hour mean from the windows ending 8:00–24:00 (HJ 663-2013)', () => {
    // hours 12–19 at 200, the rest at 40: the window 12:00–20:00 averages 200, every other window less.
    // O3_8h 200 (2012 表1: BP 160 → 100, 215 → 150): 100 + 50/55·40 = 136.4 → 137; O3_1h 200 = BP → 100.
    const input = constantStation('A', 2025, CLEAN);
    const o3 = input.hours!.O3!;
    const at = hourIndex(2025, '2025-07-15', 0);
    for (let h = 0; h < 24; h++) o3[at + h] = h >= 12 && h <= 19 ? 200 : 40;
    const d = stationYear(input).days.find((x) => x.date === '2025-07-15')!;
    expect(d.values.O3_8h).toBeCloseTo(200, 4);
    expect(d.values.O3_1h).toBe(200);
    expect(d.aqi).toBe(137);
  });
});

describe('a region’s year', () => {
  it('a year straddling 2026-03-01: the days before are HJ 633-2012’s, the days after HJ 633-2026’s', () => {
    // PM2.5 61 all year: Jan 1 – Feb 28 (31 + 28 = 59 days) AQI 83 (good); Mar 1 – Dec 31 (306 days) AQI 101.
    // 优良天数比例 = 59 / 365 = 16.164…% → 16.2%.
    const r = regionAirYear(2026, [stationYear(constantStation('A', 2026, { ...CLEAN, 'PM2.5': 61 }))]);
    expect(r.validDays).toBe(365);
    expect(r.goodDays).toBe(59);
    expect(r.editions).toEqual([
      { edition: 'HJ 633-2012', from: '2026-01-01', to: '2026-02-28', days: 59, goodDays: 59 },
      { edition: 'HJ 633-2026', from: '2026-03-01', to: '2026-12-31', days: 306, goodDays: 0 },
    ]);
    const share = computeStatistic('air.goodDaysShare', { air: r });
    expect(share.printed).toBe('16.2%');
    expect(share.editions.map((e) => e.edition)).toEqual(['HJ 633-2012', 'HJ 633-2026']);
  });

  it('a station with 300 valid days is reported with the reason and not averaged into the region', () => {
    // B has no data from 2025-10-28 on: Oct 28–31 (4) + Nov (30) + Dec (31) = 65 days lost, 365 − 65 = 300 < 324.
    const a = stationYear(constantStation('A', 2025, CLEAN));
    const b = stationYear(constantStation('B', 2025, { ...CLEAN, 'PM2.5': 200 }, (d) => d >= '2025-10-28'));
    expect(b).toMatchObject({ validDays: 300, counted: false, reason: 'days' });
    expect(a).toMatchObject({ validDays: 365, counted: true, reason: null });
    const r = regionAirYear(2025, [a, b]);
    // only A: PM2.5 30 every day → annual mean 30; were B averaged in, PM2.5 would be 115 on its 300 days
    const pm = computeStatistic('air.pm25Mean', { air: r });
    expect(pm.value).toBeCloseTo(30, 4);
    expect(pm.printed).toBe('30');
    expect(computeStatistic('air.goodDaysShare', { air: r }).printed).toBe('100%');
  });

  it('the region’s day is the mean of its counted stations (HJ 663-2013, city scale), its AQI computed from the means', () => {
    // PM2.5 40 at A and 80 at B: region 60 → (2012) 50 + 1.25·25 = 81.25 → 82; annual mean 60.
    const r = regionAirYear(2025, [stationYear(constantStation('A', 2025, { ...CLEAN, 'PM2.5': 40 })), stationYear(constantStation('B', 2025, { ...CLEAN, 'PM2.5': 80 }))]);
    expect(r.days[100]!.values['PM2.5_24h']).toBeCloseTo(60, 4);
    expect(r.days[100]!.aqi).toBe(82);
    expect(computeStatistic('air.pm25Mean', { air: r }).printed).toBe('60');
    // CO 0.8 every day: the 95th percentile is 0.8
    expect(computeStatistic('air.coP95', { air: r }).printed).toBe('0.8');
  });

  it('enough days in the year but a short month: reported with the reason “months” (表4: February ≥ 25)', () => {
    // February 2025 loses 2025-02-01…02-05: 23 valid days < 25; the year keeps 360 ≥ 324
    const s = stationYear(constantStation('C', 2025, CLEAN, (d) => d >= '2025-02-01' && d <= '2025-02-05'));
    expect(s).toMatchObject({ validDays: 360, counted: false, reason: 'months', shortMonths: [2] });
  });

  it('a station counted from 2025-07-01 counts when its own months are full, over its days only', () => {
    // July 1 – Dec 31: 31 + 31 + 30 + 31 + 30 + 31 = 184 days, each month full
    const s = stationYear({ ...constantStation('D', 2025, CLEAN), countsFrom: '2025-07-01' });
    expect(s).toMatchObject({ validDays: 184, counted: true, reason: null });
    expect(s.days[0]!.date).toBe('2025-07-01');
  });

  it('stations count only within their counting dates; without a counted station every figure is 无数据', () => {
    const input = { ...constantStation('A', 2025, CLEAN), countsFrom: '2026-01-01' };
    const s = stationYear(input);
    expect(s).toMatchObject({ counted: false, reason: 'outside' });
    const share = computeStatistic('air.goodDaysShare', { air: regionAirYear(2025, [s]) });
    expect(share).toMatchObject({ value: null, printed: '无数据', insufficient: 'stations' });
  });

  it('published daily values stand in for days without hours; HJ 633-2012 days then need no 1-hour O3', () => {
    // 2025-03-03 published: PM2.5 75 → IAQI 100 (good), PM10 150 → 100; no hours that day.
    const s = stationYear({ code: 'P', name: '站点P', year: 2025, days: [{ date: '2025-03-03', values: { SO2_24h: 10, NO2_24h: 30, CO_24h: 0.5, PM10_24h: 150, 'PM2.5_24h': 75, O3_8h: 90 } }] });
    expect(s.days.find((d) => d.date === '2025-03-03')!.aqi).toBe(100);
    expect(s.validDays).toBe(1);
  });

  it('prints as the plans print: one decimal for a share, “.0” dropped', () => {
    expect(printStatistic('air.goodDaysShare', 92.25)).toBe('92.2'.concat('%')); // half to even: 92.25 → 92.2
    expect(printStatistic('air.goodDaysShare', 100)).toBe('100%');
    expect(printStatistic('air.pm25Mean', 27.5)).toBe('28');
    expect(printStatistic('water.sectionClass', 2)).toBe('Ⅱ类');
    expect(printStatistic('air.pm25Mean', null)).toBe('无数据');
  });
});
