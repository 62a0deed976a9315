// A year of hourly data of one air station, 2025, whose 优良天数比例 is known by hand (HJ 633-2012 表1): SO2 10,
// NO2 20, CO 0.5, O3 60, PM10 30 µg/m³ every hour; PM2.5 20 (IAQI 29; the day's AQI 30: 优) except the first 36 days,
// PM2.5 120 (IAQI 158: 中度污染). Every day is valid (24 hours of every item): 329 of 365 good → 90.14% → "90.1%".
// Also a second air station without data and a section, for links of the wrong kind.
import type { Db } from '../../src/store/db.ts';

export const PLAN = 'wushan-demo-county';

/** The region's stations (two air, one section) and a year of hours for WS01 (2025) with 36 polluted days. */
export async function seedYear(db: Db): Promise<{ regionId: number }> {
  const regionId = Number((await db.query<{ region_id: number }>('SELECT region_id FROM plans WHERE id = $1', [PLAN])).rows[0]!.region_id);
  const ids: number[] = [];
  for (const [kind, code, name, target] of [
    ['air', 'WS01', '县政府', null],
    ['air', 'WS02', '高唐街道', null],
    ['water', 'WS-W1', '大宁河培石', 3],
  ] as const)
    ids.push(
      Number(
        (
          await db.query<{ id: number }>(`INSERT INTO stations (region_id, kind, code, name, level, waterbody, target_class) VALUES ($1, $2, $3, $4, 'national', $5, $6) RETURNING id`, [
            regionId,
            kind,
            code,
            name,
            kind === 'air' ? null : 'river',
            target,
          ])
        ).rows[0]!.id,
      ),
    );
  const imp = Number((await db.query<{ id: number }>(`INSERT INTO monitoring_imports (region_id, kind, file_name, sha256, rows, imported_by) VALUES ($1, 'air-hours', '县政府2025年小时数据.csv', 'x', 8760, 'test') RETURNING id`, [regionId])).rows[0]!.id);
  await db.query(
    `INSERT INTO air_hours (station_id, hour, so2, no2, co, o3, pm10, pm25, import_id)
     SELECT $1, h, 10, 20, 0.5, 60, 30, CASE WHEN h < '2025-02-06'::timestamp THEN 120 ELSE 20 END, $2
       FROM generate_series('2025-01-01 00:00'::timestamp, '2025-12-31 23:00'::timestamp, interval '1 hour') AS h`,
    [ids[0], imp],
  );
  return { regionId };
}

