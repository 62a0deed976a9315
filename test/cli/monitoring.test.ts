// `ecociv aqi` and `ecociv water-class` as a user runs them on small CSV files: the JSON contract of issue #13,
// the text table, a row with nothing to compute, and a bad file refused whole with every problem named.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecociv-cli-monitoring-'));
const ecociv = cliIn(dir);
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ecociv aqi', () => {
  it('computes each row by the edition in force on its date, in the contract’s JSON shape', async () => {
    const csv = file(
      'air.csv',
      '\uFEFFtime,PM2.5_24h,PM10_24h,SO2_1h,O3_8h\n' + // a BOM, as Excel saves UTF-8
        '2026-02-28,70,,,\n' +
        '2026-03-01,70,,,\n' +
        '"2025-06-01 13:00",75,150,,\n' +
        '2026-03-02 13:00,,,900,850\n' +
        '\n' +
        '2025-06-03,,,,\n',
    );
    const r = await ecociv('aqi', csv, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows[0]).toEqual({ row: 2, edition: 'HJ 633-2012', iaqi: { 'PM2.5_24h': 94 }, aqi: 94, primary: ['PM2.5'], level: 2, category: '良' });
    expect(rows[1]).toEqual({ row: 3, edition: 'HJ 633-2026', iaqi: { 'PM2.5_24h': 110 }, aqi: 110, primary: ['PM2.5'], level: 3, category: '轻度污染' });
    expect(rows[2]).toMatchObject({ row: 4, aqi: 100, primary: ['PM10', 'PM2.5'], category: '良' });
    expect(rows[3]).toMatchObject({ row: 5, edition: 'HJ 633-2026', iaqi: { SO2_1h: 200, O3_8h: 300 }, aqi: 300, primary: ['O3'], level: 5, category: '重度污染' });
    expect(rows[4]).toMatchObject({ row: 7, aqi: null, primary: [], level: null, category: null }); // the blank row 6 is skipped
    expect(rows[4].error).toContain('没有浓度值');
    expect(rows).toHaveLength(5);

    const table = await ecociv('aqi', csv);
    expect(table.stdout).toMatch(/3\s+2026-03-01\s+HJ 633-2026\s+110\s+PM2\.5\s+三级\s+轻度污染/);
    expect(table.stdout).toContain('O3_8h 高于 800 µg/m³，按 HJ 633-2026 表3注分指数记为 300');
  });

  it('refuses a file with a negative, an absurd or a mistyped value and a bad date, naming each row and column', async () => {
    const csv = file('bad.csv', 'time,PM2.5_24h,CO_24h\n2025-01-01,-5,0.8\n2025-01-02,1e9,800\n2025-02-30,12,0.6\n');
    const r = await ecociv('aqi', csv, '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('未计算：文件');
    expect(r.stderr).toContain('发现 4 处错误');
    expect(r.stderr).toContain('第 2 行“PM2.5_24h”列的值 -5 是负数');
    expect(r.stderr).toContain('第 3 行“PM2.5_24h”列的值 1e9 超出可能的范围');
    expect(r.stderr).toContain('第 3 行“CO_24h”列的值 800 超出可能的范围（不超过 200 mg/m³）：一氧化碳以 mg/m³ 计');
    expect(r.stderr).toContain('第 4 行“time”列的“2025-02-30”不是有效的日期或时间');
  });

  it('refuses an unknown column, listing the columns it knows', async () => {
    const r = await ecociv('aqi', file('cols.csv', 'time,PM25\n2025-01-01,12\n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('列“PM25”不是本命令认识的列；可用的列为 time SO2_1h');
  });

  it('refuses a file larger than it reads at once, by its size, before reading it', async () => {
    const big = file('big.csv', 'time,PM2.5_24h\n2025-01-01,12\n');
    truncateSync(big, 65 * 1024 * 1024); // sparse: nothing is written, the size is what is checked
    const r = await ecociv('aqi', big);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('有 65 MB，超过计算器一次可读的 64 MB');
  });
});

describe('ecociv water-class', () => {
  it('classes each section by single factor, in the contract’s JSON shape (a GB18030 file, as Chinese Excel saves it)', async () => {
    const text = 'waterbody,pH,DO,CODMn,NH3-N,TP,TN,fecal_coliform\nriver,7.2,6,4,1.0,0.2,3,50000\nlake,7.2,6,4,1.0,0.2,3,\nriver,5.5,6,12,1.8,0.1,,\nreservoir,,,,,,1.2,\n';
    const gb = new TextEncoder().encode(text); // ASCII is the same in GB18030
    const r = await ecociv('water-class', file('water.csv', Buffer.from(gb)), '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows[0]).toEqual({ row: 2, class: 'Ⅲ', perParameter: { pH: 'Ⅰ', DO: 'Ⅱ', CODMn: 'Ⅱ', 'NH3-N': 'Ⅲ', TP: 'Ⅲ', fecal_coliform: '劣Ⅴ' }, exceeding: [] });
    expect(rows[1]).toEqual({ row: 3, class: 'Ⅴ', perParameter: { pH: 'Ⅰ', DO: 'Ⅱ', CODMn: 'Ⅱ', 'NH3-N': 'Ⅲ', TP: 'Ⅴ', TN: '劣Ⅴ' }, exceeding: ['TP'] });
    expect(rows[2]).toEqual({ row: 4, class: '劣Ⅴ', perParameter: { pH: '劣Ⅴ', DO: 'Ⅱ', CODMn: 'Ⅴ', 'NH3-N': 'Ⅴ', TP: 'Ⅱ' }, exceeding: ['pH', 'CODMn', 'NH3-N'] });
    expect(rows[3]).toMatchObject({ row: 5, class: null, exceeding: [] });
    expect(rows[3].error).toContain('TN');
  });

  it('reads a quoted Chinese value from a file saved in GB18030; refuses a waterbody it does not know', async () => {
    const gbBytes = Buffer.from([0x22, 0xba, 0xd3, 0xc1, 0xf7, 0x22]); // "河流" in GB18030, quoted
    const ok = await ecociv('water-class', file('gb.csv', Buffer.concat([Buffer.from('waterbody,COD\n'), gbBytes, Buffer.from(',12\n')])), '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([{ row: 2, class: 'Ⅰ', perParameter: { COD: 'Ⅰ' }, exceeding: [] }]);
    const bad = await ecociv('water-class', file('sea.csv', 'waterbody,pH,COD\nsea,15,1e9\n'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('第 2 行“waterbody”列的“sea”无效，应为 river（河流）、lake（湖泊）或 reservoir（水库）。');
    expect(bad.stderr).toContain('第 2 行“pH”列的值 15 不在 0～14 之间。');
    expect(bad.stderr).toContain('第 2 行“COD”列的值 1e9 超出可能的范围（不超过 10000 mg/L）');
  });
});
