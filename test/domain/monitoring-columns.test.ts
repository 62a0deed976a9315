// The platforms' column headers, units, invalid-data marks and times, read as a plan office's files write them.
import { describe, expect, it } from 'vitest';
import { readDateTime, readHeader, readHour, readLevel, readTarget, readValue, splitHeader, startOfHour, unitKey } from '../../src/domain/monitoringColumns.ts';

const ok = (header: string[], kind?: Parameters<typeof readHeader>[1]) => {
  const r = readHeader(header, kind);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.map;
};

describe('headers', () => {
  it('finds the national platform’s hourly layout, units in brackets of either width', () => {
    const m = ok(['城市', '站点编码', '点位名称', '监测时间', 'AQI', 'SO2(μg/m³)', 'NO2（μg/m3）', 'CO(mg/m3)', 'O3(µg/m³)', 'PM10', 'PM2.5_24h', 'PM2.5(ug/m3)', '首要污染物']);
    expect(m.kind).toBe('air-hours');
    expect(m).toMatchObject({ code: 1, name: 2, dateTime: 3, air: { SO2: 5, NO2: 6, CO: 7, O3: 8, PM10: 9, 'PM2.5': 11 } });
  });

  it('reads PM2_5, PM₂.₅, 细颗粒物 and O3-8小时 alike', () => {
    expect(splitHeader('PM2_5').keys[0]).toBe('pm25');
    expect(splitHeader('PM₂.₅').keys[0]).toBe('pm25');
    expect(ok(['站点名称', '日期', '细颗粒物', 'O3-8小时']).air).toEqual({ 'PM2.5': 2, O3_8h: 3 });
    expect(ok(['站点名称', '日期', '细颗粒物', 'O3-8小时']).kind).toBe('air-days');
    expect(ok(['站点名称', '日期', '小时', 'PM2.5']).kind).toBe('air-hours');
  });

  it('finds the wide layout of the national platform’s archives (date, hour, type, a column per station)', () => {
    expect(ok(['date', 'hour', 'type', '1001A', '1002A'])).toMatchObject({ kind: 'air-hours', date: 0, hour: 1, wide: { type: 2, stations: [3, 4] } });
  });

  it('refuses a unit that is not the expected one, naming the column and both units', () => {
    const r = readHeader(['站点名称', '监测时间', 'CO(μg/m³)', 'PM2.5(mg/m3)']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.column, p.params.unit, p.params.expected])).toEqual([
      ['CO(μg/m³)', 'μg/m³', 'mg/m³'],
      ['PM2.5(mg/m3)', 'mg/m3', 'µg/m³'],
    ]);
  });

  it('units written many ways are one', () => {
    for (const u of ['μg/m³', 'µg/m3', 'ug/m3', 'μg·m-3', 'ug/Nm3']) expect(unitKey(u)).toBe('ug/m3');
    expect(unitKey('8h')).toBeNull();
  });

  it('finds water layouts, Chinese or the English names of ecociv water-class', () => {
    expect(ok(['断面名称', '采样日期', 'pH', '溶解氧(mg/L)', '高锰酸盐指数', '氨氮', '总磷', '粪大肠菌群(个/L)'])).toMatchObject({ kind: 'water', water: { pH: 2, DO: 3, CODMn: 4, 'NH3-N': 5, TP: 6, fecal_coliform: 7 } });
    expect(ok(['station', 'date', 'pH', 'DO', 'NH3-N', 'fecal_coliform', 'Cr6'])).toMatchObject({ kind: 'water', water: { DO: 3, 'NH3-N': 4, fecal_coliform: 5, Cr6: 6 } });
    expect(readHeader(['断面名称', '采样日期', '溶解氧(μg/L)']).ok).toBe(false);
  });

  it('finds a station list, and says what is missing otherwise', () => {
    expect(ok(['编码', '名称', '类型', '站点类别', '所在水体', '水体类型', '目标水质类别', '乡镇/街道', '经度', '纬度', '启用日期', '停用日期']).station).toMatchObject({ level: 2, kind: 3, waterName: 4, waterbody: 5, target: 6, township: 7, longitude: 8, latitude: 9, from: 10, to: 11 });
    const r = readHeader(['PM2.5', 'PM10']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.key)).toEqual(['monitoringImport.header.noStation', 'monitoringImport.header.noTime']);
  });
});

describe('values', () => {
  const range = [0, 20_000] as const;
  it('reads numbers; marks of the platforms give no value and keep the mark', () => {
    expect(readValue('35', range)).toEqual({ value: 35, mark: null });
    expect(readValue('', range)).toEqual({ value: null, mark: null });
    for (const c of ['—', '-', 'NA', '35H', 'BB', 'PS', '12.5HSp', '无效']) expect(readValue(c, range)).toEqual({ value: null, mark: c });
    expect(readValue('0.01L', [0, 10_000])).toEqual({ value: null, mark: '0.01L' });
  });
  it('refuses negatives, values above the plausible range and text', () => {
    expect(readValue('-5', range)).toEqual({ problem: 'negative' });
    expect(readValue('1e9', range)).toEqual({ problem: 'tooHigh' });
    expect(readValue('20001', range)).toEqual({ problem: 'tooHigh' });
    expect(readValue('abc', range)).toEqual({ problem: 'notNumber' });
    expect(readValue('35X', range)).toEqual({ problem: 'notNumber' });
    expect(readValue('15', [0, 14], 'pH')).toEqual({ problem: 'pH' });
  });
});

describe('times', () => {
  it('reads the ways dates and hours are written', () => {
    expect(readDateTime('2025-01-01 13:00')).toEqual({ date: '2025-01-01', hour: 13, minute: 0 });
    expect(readDateTime('2025/1/1 13:00:00')).toEqual({ date: '2025-01-01', hour: 13, minute: 0 });
    expect(readDateTime('2025年1月2日')).toEqual({ date: '2025-01-02', hour: null, minute: 0 });
    expect(readDateTime('20250103')).toEqual({ date: '2025-01-03', hour: null, minute: 0 });
    expect(readDateTime('2025-01-01T24:00')).toEqual({ date: '2025-01-01', hour: 24, minute: 0 });
    expect(readDateTime('2025-02-30')).toBeUndefined();
    expect(readDateTime('2025-01-01 25:00')).toBeUndefined();
    expect(readHour('13时')).toBe(13);
    expect(readHour('25')).toBeUndefined();
  });
  it('stores the start of the hour: a file of hours 1–24 writes the end', () => {
    expect(startOfHour('2025-01-01', 13, false)).toBe('2025-01-01 13:00');
    expect(startOfHour('2025-01-01', 1, true)).toBe('2025-01-01 00:00');
    expect(startOfHour('2025-01-01', 24, true)).toBe('2025-01-01 23:00');
    expect(startOfHour('2025-12-31', 24, false)).toBe('2026-01-01 00:00');
  });
});

describe('station words', () => {
  it('levels and target classes as lists write them', () => {
    expect(['国控', '省控', '市控', '县控', '国控站'].map(readLevel)).toEqual(['national', 'provincial', 'municipal', 'county', 'national']);
    expect(['Ⅱ', 'II', '2', 'Ⅲ类', 'III类', 'Ⅵ'].map(readTarget)).toEqual([2, 2, 2, 3, 3, undefined]);
  });
});

describe('reading rows (src/exchange/rowStream.ts)', async () => {
  const { readRows, CsvQuoteError } = await import('../../src/exchange/rowStream.ts');
  const { toGb18030 } = await import('../fixtures/monitoring/make.ts');
  const ExcelJS = (await import('exceljs')).default;
  const read = async (bytes: Uint8Array, name = 'a.csv', piece = bytes.length || 1) => {
    const out: Array<{ row: number; cells: string[] }> = [];
    for await (const r of readRows(async function* () {
      for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
    }, name))
      out.push(r);
    return out;
  };
  const text = '\uFEFF站点编码,名称,备注\r\n1001A,"城区, 站","说""好""\r\n第二行"\r\n\r\n1002A,乡镇,x\n,,\n1003A,末,';
  const expected = [
    { row: 1, cells: ['站点编码', '名称', '备注'] },
    { row: 2, cells: ['1001A', '城区, 站', '说"好"\r\n第二行'] }, // a quoted cell with a comma, doubled quotes and a line break
    { row: 4, cells: ['1002A', '乡镇', 'x'] }, // blank rows 3 and 5 keep their numbers
    { row: 6, cells: ['1003A', '末', ''] },
  ];

  it('splits RFC 4180 CSV, numbering rows as a spreadsheet does, however the bytes arrive', async () => {
    const bytes = Buffer.from(text, 'utf8');
    expect(await read(bytes)).toEqual(expected);
    for (const piece of [1, 2, 3, 7]) expect(await read(bytes, 'a.csv', piece)).toEqual(expected);
  });

  it('reads GB18030, found from the bytes', async () => {
    const bytes = toGb18030(text.slice(1));
    expect(await read(bytes)).toEqual(expected);
    expect(await read(bytes, 'a.csv', 5)).toEqual(expected);
  });

  it('refuses a quote never closed, naming its row', async () => {
    const e = await read(Buffer.from('a,b\n1,"open\n2,3\n')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CsvQuoteError);
    expect((e as InstanceType<typeof CsvQuoteError>).row).toBe(2);
  });

  it('reads the first sheet of a workbook: dates as date-times, formulas by their result', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('数据');
    a.addRow(['站点编码', '监测时间', 'PM2.5']);
    a.addRow(['5001A', new Date(Date.UTC(2025, 0, 1, 13)), 35]);
    a.addRow([]);
    a.addRow(['5002A', '2025-01-01 14:00', { formula: '1+1', result: 2 }]);
    wb.addWorksheet('说明').addRow(['不是数据']);
    const rows = await read(Buffer.from(await wb.xlsx.writeBuffer()), '数据.xlsx');
    expect(rows).toEqual([
      { row: 1, cells: ['站点编码', '监测时间', 'PM2.5'] },
      { row: 2, cells: ['5001A', '2025-01-01 13:00', '35'] },
      { row: 4, cells: ['5002A', '2025-01-01 14:00', '2'] },
    ]);
  });
});
