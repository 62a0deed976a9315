// One realistic county year of monitoring data, as the platforms export it, built so that the figures the plan
// office would check are known by construction (not by running the code under test):
// - four air stations (two 国控, one 市控, one 县控); every hour of a day carries the day's concentrations, so a
//   day's 24-hour mean is that value; hour 03:00 is missing every day (23 hours ≥ 20: the day stays valid);
// - PM2.5 is 40 µg/m³ (IAQI 57, 良) on ordinary days and 120 µg/m³ (IAQI 158, 中度污染) on every 20th day of the
//   year (day 0, 20, …, 360: 19 days); the other pollutants stay 优/良 all year (SO2 10, NO2 20, CO 0.5 mg/m³,
//   O3 60, PM10 50 → IAQI ≤ 50);
// - so 优良天数 = 365 − 19 = 346, 优良天数比例 = 346 / 365 = 94.79 %, PM2.5 annual mean = (346·40 + 19·120) / 365
//   = 44.16 µg/m³ (HJ 663: the region's day is the mean of its stations' days; every station has the same values);
// - the 县控 station reports from January to July only (212 days): too few valid days for an annual statistic, so it
//   is reported and not averaged;
// - three water sections sampled monthly: a river at Ⅱ (target Ⅲ, met), a river at Ⅳ by CODMn 8 mg/L (target Ⅲ,
//   not met), a lake at Ⅲ by TN 0.9 mg/L (target Ⅲ, met): Ⅲ or better 2 of 3 = 66.67 %, 劣Ⅴ 0 of 3.
export const YEAR = 2025;
export const EXPECTED = {
  badDays: 19,
  goodDays: 346,
  validDays: 365,
  goodDaysShare: 346 / 365,
  pm25Mean: (346 * 40 + 19 * 120) / 365,
  shortStation: 'AQ004',
  shortStationDays: 212,
  waterShareClass3OrBetter: 2 / 3,
  sectionsMeetingTarget: 2 / 3,
} as const;

export const STATIONS_CSV = [
  '站点编码,站点名称,站点类别,控制级别,所在水体,水体类型,目标水质类别,乡镇/街道,经度,纬度',
  'AQ001,县环境监测站,空气,国控,,,,高唐街道,109.8786,31.0747',
  'AQ002,县第二中学,空气,国控,,,,龙门街道,109.8951,31.0852',
  'AQ003,工业园区,空气,市控,,,,巫峡镇,109.9123,31.0601',
  'AQ004,大昌镇,空气,县控,,,,大昌镇,109.8012,31.2695',
  'WS001,大宁河龙门,断面,国控,大宁河,河流,Ⅲ,龙门街道,109.8840,31.0920',
  'WS002,长江培石,断面,市控,长江,河流,Ⅲ,培石乡,110.0551,31.0345',
  'WS003,当阳水库,断面,县控,当阳水库,水库,Ⅲ,当阳乡,109.7002,31.4417',
].join('\n');

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date of day d (0-based) of YEAR, YYYY-MM-DD. */
export function dayOf(d: number): string {
  const t = new Date(Date.UTC(YEAR, 0, 1 + d));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

const daysInYear = (): number => (new Date(Date.UTC(YEAR, 1, 29)).getUTCMonth() === 1 ? 366 : 365);

/** The hourly air file: 站点编码, 监测时间 (start of the hour), the six pollutants with units in the headers. */
export function airHoursCsv(): string {
  const lines = ['站点编码,监测时间,SO2(μg/m³),NO2(μg/m³),CO(mg/m³),O3(μg/m³),PM10(μg/m³),PM2.5(μg/m³)'];
  const stations = ['AQ001', 'AQ002', 'AQ003', 'AQ004'];
  const days = daysInYear();
  for (const code of stations) {
    for (let d = 0; d < days; d++) {
      const date = dayOf(d);
      if (code === EXPECTED.shortStation && Number(date.slice(5, 7)) > 7) break;
      const pm25 = d % 20 === 0 ? 120 : 40;
      for (let h = 0; h < 24; h++) {
        if (h === 3) continue;
        lines.push(`${code},${date} ${pad(h)}:00,10,20,0.5,60,50,${pm25}`);
      }
    }
  }
  return lines.join('\n');
}

/** The water samples: one a month per section, 采样日期 and parameters in mg/L. */
export function waterSamplesCsv(): string {
  const lines = ['断面编码,采样日期,pH,溶解氧,高锰酸盐指数,化学需氧量,五日生化需氧量,氨氮,总磷,总氮'];
  for (let m = 1; m <= 12; m++) {
    const date = `${YEAR}-${pad(m)}-10`;
    lines.push(`WS001,${date},7.6,8.2,2.5,10,2,0.3,0.08,1.8`); // Ⅱ (TN not assessed for a river)
    lines.push(`WS002,${date},7.4,6.5,8,18,3,0.4,0.09,1.2`); // Ⅳ by CODMn 8 (Ⅲ ≤ 6, Ⅳ ≤ 10)
    lines.push(`WS003,${date},7.8,7.0,3.5,12,2.5,0.2,0.04,0.9`); // Ⅲ by TN 0.9 for a lake/reservoir (Ⅱ ≤ 0.5, Ⅲ ≤ 1.0)
  }
  return lines.join('\n');
}
