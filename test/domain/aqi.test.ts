// AQI by the edition of HJ 633 in force on the data's date: worked examples computed by hand from HJ 633-2012 表1
// and HJ 633-2026 表3, the special cases of their notes, and properties that hold for any concentration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AIR_COLUMNS, airQualityIndex, aqiEdition, aqiLevel, breakpoints, ceilIndex, dailyAqi, iaqi, iaqiOf, roundHalfEven, type AirColumn, type AqiEdition } from '../../src/domain/aqi.ts';
import { gb3095Limit } from '../../src/domain/airLimits.ts';
import { annualMean, annualPercentile, dailyMaxEightHour, dailyMean, goodDaysOfYear, goodDaysShare, percentile, type DailyValue } from '../../src/domain/airStatistics.ts';

const EDITIONS: AqiEdition[] = ['HJ 633-2012', 'HJ 633-2026'];

describe('the edition in force on the data’s date', () => {
  it('HJ 633-2012 up to 2026-02-28, HJ 633-2026 from 2026-03-01 (the date part of a date-time decides)', () => {
    expect(aqiEdition('2025-12-31')).toBe('HJ 633-2012');
    expect(aqiEdition('2026-02-28')).toBe('HJ 633-2012');
    expect(aqiEdition('2026-02-28 23:00')).toBe('HJ 633-2012');
    expect(aqiEdition('2026-03-01')).toBe('HJ 633-2026');
    expect(aqiEdition('2026-03-01T00:00:00')).toBe('HJ 633-2026');
  });
});

describe('HJ 633-2012 worked examples (表1, 式(1), carried up to an integer)', () => {
  const e = 'HJ 633-2012';
  it('PM2.5 24-h 80 µg/m³: (150−100)/(115−75)×(80−75)+100 = 106.25 → 107, 轻度污染, primary PM2.5', () => {
    const r = airQualityIndex(e, { 'PM2.5_24h': 80, PM10_24h: 130 });
    expect(r.iaqi).toEqual({ 'PM2.5_24h': 107, PM10_24h: 90 }); // PM10: 50/100×80+50 = 90
    expect(r).toMatchObject({ aqi: 107, primary: ['PM2.5'], level: 3, category: '轻度污染' });
  });

  it('a value on a breakpoint takes the breakpoint’s IAQI; ties are all primary', () => {
    const r = airQualityIndex(e, { 'PM2.5_24h': 75, PM10_24h: 150 });
    expect(r).toMatchObject({ aqi: 100, primary: ['PM10', 'PM2.5'], level: 2, category: '良' });
    expect(iaqi(e, 'NO2_1h', 1200)).toBe(200);
    expect(iaqi(e, 'SO2_24h', 0)).toBe(0);
  });

  it('no primary pollutant at AQI 50; one at 51', () => {
    expect(airQualityIndex(e, { SO2_24h: 50 })).toMatchObject({ aqi: 50, primary: [], level: 1, category: '优' });
    expect(airQualityIndex(e, { SO2_24h: 51 })).toMatchObject({ aqi: 51, primary: ['SO2'], level: 2 }); // 50.5 → 51
  });

  it('floating error does not carry an exact integer up: SO2 24-h 2120.8 is 100/520×20.8+400 = 404, not 405', () => {
    expect(iaqi(e, 'SO2_24h', 2120.8)).toBe(404);
    expect(ceilIndex(75.00000000000001)).toBe(75);
    expect(ceilIndex(75.0001)).toBe(76);
  });

  it('CO is read as given: 3.85 mg/m³ → 50 + 25×1.85 = 96.25 → 97', () => {
    expect(iaqi(e, 'CO_24h', 3.85)).toBe(97);
  });

  it('表1 说明(2)(3): SO2 1-h above 800 gets no IAQI (SO2 by its 24-h value); O3 8-h above 800 none (O3 by its 1-h value)', () => {
    const r = airQualityIndex(e, { SO2_1h: 900, SO2_24h: 200, O3_8h: 850, O3_1h: 850 });
    expect(r.iaqi).toEqual({ SO2_24h: 108, O3_1h: 325 }); // SO2 24-h: 50/325×50+100 = 107.7; O3 1-h: 100/200×50+300
    expect(r).toMatchObject({ aqi: 325, primary: ['O3'], level: 6, category: '严重污染' });
    expect(r.rules).toEqual([
      { column: 'SO2_1h', rule: 'so2HourAbove800UseDaily' },
      { column: 'O3_8h', rule: 'o3EightHourAbove800UseHourly' },
    ]);
    expect(iaqi(e, 'SO2_1h', 800)).toBe(200);
  });

  it('no 1-h PM breakpoints in 2012: the row has no AQI and says why', () => {
    const r = airQualityIndex(e, { 'PM2.5_1h': 80 });
    expect(r).toMatchObject({ aqi: null, level: null, category: null, rules: [{ column: 'PM2.5_1h', rule: 'noBreakpoints' }] });
  });

  it('above the last breakpoint neither edition defines an IAQI: reported as 500, marked', () => {
    expect(iaqiOf(e, 'PM2.5_24h', 600)).toMatchObject({ iaqi: 500, rule: 'aboveLastBreakpointIs500' });
    expect(iaqiOf(e, 'PM2.5_24h', 500)).toEqual({ iaqi: 500, concentration: 500 });
  });
});

describe('HJ 633-2026 worked examples (表3; inputs rounded first by GB/T 8170, §4.2.2)', () => {
  const e = 'HJ 633-2026';
  it('PM2.5 24-h 80: (150−100)/(115−60)×(80−60)+100 = 118.2 → 119; PM10 130: 50/130×10+100 = 103.8 → 104', () => {
    const r = airQualityIndex(e, { 'PM2.5_24h': 80, PM10_24h: 130 });
    expect(r.iaqi).toEqual({ 'PM2.5_24h': 119, PM10_24h: 104 });
    expect(r).toMatchObject({ aqi: 119, primary: ['PM2.5'], level: 3, category: '轻度污染' });
  });

  it('the 2012 → 2026 difference: PM2.5 70 is 良 (94) on 2026-02-28 and 轻度污染 (110) on 2026-03-01', () => {
    const before = airQualityIndex(aqiEdition('2026-02-28'), { 'PM2.5_24h': 70 });
    const after = airQualityIndex(aqiEdition('2026-03-01'), { 'PM2.5_24h': 70 });
    expect([before.aqi, before.category]).toEqual([94, '良']); // 50/40×35+50 = 93.75
    expect([after.aqi, after.category]).toEqual([110, '轻度污染']); // 50/55×10+100 = 109.1
    expect(iaqi('HJ 633-2012', 'PM10_24h', 120)).toBe(85); // 50/100×70+50
    expect(iaqi(e, 'PM10_24h', 120)).toBe(100);
  });

  it('inputs rounded half to even: PM2.5 60.5 → 60 (IAQI 100), 61.5 → 62 (102); CO 3.85 → 3.8 (95), 3.75 → 3.8', () => {
    expect(iaqi(e, 'PM2.5_24h', 60.5)).toBe(100);
    expect(iaqi(e, 'PM2.5_24h', 61.5)).toBe(102); // 50/55×2+100 = 101.8
    expect(iaqi(e, 'CO_24h', 3.85)).toBe(95); // 50 + 25×1.8
    expect(iaqi(e, 'CO_24h', 3.75)).toBe(95);
    expect(iaqi('HJ 633-2012', 'PM2.5_24h', 35.4)).toBe(51); // 2012 reads 35.4 as given: 50.5 → 51
    expect(iaqi(e, 'PM2.5_24h', 35.4)).toBe(50); // 2026 rounds 35.4 to 35 first
  });

  it('the hourly report reads PM 1-h values against the daily breakpoints', () => {
    expect(iaqi(e, 'PM2.5_1h', 80)).toBe(119);
  });

  it('表3 注b: SO2 1-h above 800 is IAQI 200; 注c: O3 8-h above 800 is IAQI 300', () => {
    const r = airQualityIndex(e, { SO2_1h: 900, O3_8h: 850 });
    expect(r.iaqi).toEqual({ SO2_1h: 200, O3_8h: 300 });
    expect(r).toMatchObject({ aqi: 300, primary: ['O3'], level: 5, category: '重度污染' });
  });
});

describe('rounding and levels', () => {
  it('GB/T 8170 四舍六入五成双', () => {
    expect([roundHalfEven(0.5, 0), roundHalfEven(1.5, 0), roundHalfEven(2.5, 0), roundHalfEven(2.51, 0), roundHalfEven(2.4999, 0)]).toEqual([0, 2, 2, 3, 2]);
    expect([roundHalfEven(1.25, 1), roundHalfEven(1.35, 1), roundHalfEven(0.45, 1)]).toEqual([1.2, 1.4, 0.4]);
  });
  it('levels by HJ 633-2012 §5 表2', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((a) => aqiLevel(a).category)).toEqual(['优', '优', '良', '良', '轻度污染', '轻度污染', '中度污染', '中度污染', '重度污染', '重度污染', '严重污染', '严重污染']);
  });
});

const columnsWithTable = (e: AqiEdition) => AIR_COLUMNS.filter((c) => breakpoints(e, c));

describe('properties', () => {
  it('IAQI is monotone non-decreasing in concentration (every edition, every column)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), fc.constantFrom(...AIR_COLUMNS), fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), (e, column, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = iaqi(e, column, lo);
        const y = iaqi(e, column, hi);
        if (x !== null && y !== null) expect(x).toBeLessThanOrEqual(y);
      }),
      { numRuns: 3000 },
    );
  });

  it('a breakpoint’s concentration gives exactly its IAQI', () => {
    for (const e of EDITIONS)
      for (const c of columnsWithTable(e)) breakpoints(e, c)!.forEach((bp, i) => expect(iaqi(e, c, bp)).toBe([0, 50, 100, 150, 200, 300, 400, 500][i]));
  });

  it('AQI is the largest IAQI; the primary pollutants are those at the AQI, only above 50', () => {
    const values = fc.dictionary(fc.constantFrom(...AIR_COLUMNS), fc.double({ min: 0, max: 1500, noNaN: true }), { maxKeys: 12 });
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), values, (e, v) => {
        const r = airQualityIndex(e, v as Partial<Record<AirColumn, number>>);
        const all = Object.values(r.iaqi) as number[];
        if (all.length === 0) {
          expect(r.aqi).toBeNull();
          return;
        }
        expect(r.aqi).toBe(Math.max(...all));
        const atMax = new Set((Object.entries(r.iaqi) as Array<[AirColumn, number]>).filter(([, x]) => x === r.aqi).map(([c]) => c.slice(0, c.lastIndexOf('_'))));
        expect(new Set(r.primary)).toEqual(r.aqi! > 50 ? atMax : new Set());
        expect(r.category).toBe(aqiLevel(r.aqi!).category);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('data validity and annual statistics (GB 3095-2012 表4, HJ 663-2013)', () => {
  const hours = (n: number, v = 50) => Array.from({ length: 24 }, (_, i) => (i < n ? v : null));
  it('a 24-hour mean needs 20 hourly values', () => {
    expect(dailyMean(hours(19))).toBeNull();
    expect(dailyMean(hours(20))).toBe(50);
  });

  it('O3 daily max 8-hour: 17 windows ending 8:00–24:00, each with 6 hours, at least 14 of them', () => {
    const day = Array.from({ length: 24 }, (_, i) => (i >= 12 && i < 20 ? 200 : 40)); // 12:00–20:00 at 200
    expect(dailyMaxEightHour(day)).toBe(200);
    const short = day.map((v, i) => (i < 5 ? null : v)); // windows 0–2 lack hours (fewer than 6): 14 valid left
    expect(dailyMaxEightHour(short)).toBe(200);
    const shorter = Array.from({ length: 24 }, (_, i) => (i < 6 ? null : 100)); // only 13 valid windows, max 100 ≤ 160
    expect(dailyMaxEightHour(shorter)).toBeNull();
    expect(dailyMaxEightHour(shorter.map((v) => (v === null ? null : 170)))).toBe(170); // above the limit: it stands
  });

  it('percentiles by HJ 663-2013: k = 1 + (n−1)·p%, linear between neighbours', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(ten, 90)).toBeCloseTo(9.1, 10);
    expect(percentile(ten, 95)).toBeCloseTo(9.55, 10);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile(ten, 100)).toBe(10);
  });

  it('an annual mean needs 324 days and 27 a month (25 in February); otherwise none, and why', () => {
    const year = (skip: (d: Date) => boolean): DailyValue[] => {
      const out: DailyValue[] = [];
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
        const d = new Date(t);
        out.push({ date: d.toISOString().slice(0, 10), value: skip(d) ? null : d.getUTCMonth() + 1 });
      }
      return out;
    };
    const full = annualMean(year(() => false));
    expect(full.validDays).toBe(365);
    expect(full.value).toBeCloseTo((31 * 1 + 28 * 2 + 31 * 3 + 30 * 4 + 31 * 5 + 30 * 6 + 31 * 7 + 31 * 8 + 30 * 9 + 31 * 10 + 30 * 11 + 31 * 12) / 365, 10);
    const thinFebruary = annualMean(year((d) => d.getUTCMonth() === 1 && d.getUTCDate() > 24));
    expect(thinFebruary).toMatchObject({ value: null, insufficient: 'months', shortMonths: [2], validDays: 361 });
    const thin = annualPercentile(year((d) => d.getUTCDate() > 26), 95);
    expect(thin).toMatchObject({ value: null, insufficient: 'days' });
  });

  it('优良天数比例 over the valid days; 重污染 is AQI above 200', () => {
    expect(goodDaysShare([50, 100, 101, 250, null])).toEqual({ goodDays: 2, validDays: 4, share: 0.5, heavyDays: 1 });
    expect(goodDaysShare([null]).share).toBeNull();
  });
});

describe('a day and a year by the edition in force on each day', () => {
  const day = (pm25: number) => ({ SO2_24h: 10, NO2_24h: 20, PM10_24h: 40, 'PM2.5_24h': pm25, CO_24h: 0.6, O3_8h: 90, O3_1h: 120 });
  it('the daily report’s items: seven in 2012 (with O3 daily max 1-h), six in 2026', () => {
    const before = dailyAqi('2026-02-28', { ...day(20), O3_1h: 450 }); // O3 daily max 1-h 450 lies in 400–800 (IAQI 200–300)
    expect(before).toMatchObject({ edition: 'HJ 633-2012', aqi: 213, primary: ['O3'], complete: true }); // 100/400×50+200 = 212.5
    const after = dailyAqi('2026-03-01', { ...day(20), O3_1h: 450 });
    expect(after).toMatchObject({ edition: 'HJ 633-2026', aqi: 45, primary: [], complete: true }); // O3 8-h 90: 45
    expect(dailyAqi('2026-03-02', { ...day(20), CO_24h: null }).complete).toBe(false);
  });

  it('a year straddling 2026-03-01: each day by its edition, and the parts said', () => {
    const days = [
      { date: '2026-02-27', values: day(70) }, // 2012: 94, good
      { date: '2026-02-28', values: day(80) }, // 2012: 107
      { date: '2026-03-01', values: day(70) }, // 2026: 110
      { date: '2026-03-02', values: day(50) }, // 2026: (100−50)/(60−35)×(50−35)+50 = 80, good
      { date: '2026-03-03', values: { ...day(50), NO2_24h: null } }, // incomplete: not a valid day
    ];
    expect(goodDaysOfYear(days)).toEqual({
      goodDays: 2,
      validDays: 4,
      share: 0.5,
      heavyDays: 0,
      editions: [
        { edition: 'HJ 633-2012', from: '2026-02-27', to: '2026-02-28', validDays: 2, goodDays: 1 },
        { edition: 'HJ 633-2026', from: '2026-03-01', to: '2026-03-02', validDays: 2, goodDays: 1 },
      ],
    });
  });
});

describe('GB 3095 limits in force on a date', () => {
  it('2012 表1 to 2026-02-28; 2026 transition limits (PM tighter) to 2030-12-31; final from 2031', () => {
    expect(gb3095Limit('2026-02-28', 'PM2.5_year')).toEqual({ edition: 'GB 3095-2012', limit: 35 });
    expect(gb3095Limit('2026-02-28', 'PM2.5_year', 1)).toEqual({ edition: 'GB 3095-2012', limit: 15 });
    expect(gb3095Limit('2026-03-01', 'PM2.5_year')).toEqual({ edition: 'GB 3095-2026', stage: 'transition', limit: 30 });
    expect(gb3095Limit('2030-12-31', 'PM10_24h')).toEqual({ edition: 'GB 3095-2026', stage: 'transition', limit: 120 });
    expect(gb3095Limit('2031-01-01', 'NO2_year')).toEqual({ edition: 'GB 3095-2026', stage: 'final', limit: 30 });
    expect(gb3095Limit('2031-01-01', 'O3_8h').limit).toBe(160);
    expect(gb3095Limit('2027-01-01', 'SO2_24h', 1).limit).toBeUndefined(); // not read yet: not guessed
  });
});
