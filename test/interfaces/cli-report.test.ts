// `ecociv report` as a user runs it: the file named by --out in the format its ending names, clear refusals,
// and --all for every plan with a progress line per report.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';
import { openDocx } from '../helpers/reportFiles.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecociv-cli-report-'));
const ecociv = cliIn(dir);

describe('ecociv report', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the kind asked for in the format of the file’s ending', async () => {
    const out = join(dir, 'out', '巫山县-2021-申报达标情况表.xlsx');
    const r = await ecociv('report', 'wushan-demo-county', '--year', '2021', '--kind', 'application', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已生成 ${out}（申报达标情况表，2021年，`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A2').value).toBe('2021年巫山县国家生态文明建设示范县建设指标35项指标中，已达标29项，未达标6项。');

    const docx = join(dir, 'out', 'public.docx');
    const p = await ecociv('report', 'qianjiang-apeng-two-mountains', '--kind', 'public', '--out', docx, '--format', 'json');
    expect(JSON.parse(p.stdout)).toMatchObject({ kind: 'public', format: 'docx', year: 2022 }); // the latest year with figures
    expect((await openDocx(readFileSync(docx))).text).toContain('黔江区2022年生态文明建设情况公开');
  });

  it('refuses a wrong ending, an unknown kind and a year without figures, in Chinese, exit code 2', async () => {
    const wrong = await ecociv('report', 'wushan-demo-county', '--kind', 'application', '--out', join(dir, 'table.pdf'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('输出文件“');
    expect(wrong.stderr).toContain('的扩展名“.pdf”不适用于申报达标情况表（application），可用：.xlsx。');
    const kind = await ecociv('report', 'wushan-demo-county', '--kind', 'yearly', '--out', join(dir, 'x.pdf'));
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('报告类型“yearly”无效，应为：annual、application、midterm、public。');
    const year = await ecociv('report', 'wushan-demo-county', '--year', '2030', '--kind', 'annual', '--out', join(dir, 'x.docx'));
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('规划“wushan-demo-county”没有2030年的现状值，无法生成报告。有现状值的年份：2021。');
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('--all writes every report of every plan with figures for the year, one progress line each', async () => {
    const outDir = join(dir, 'all');
    const r = await ecociv('report', '--all', '--year', '2022', '--out-dir', outDir);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain('跳过 wushan-demo-county（巫山县）：没有2022年的现状值（有现状值的年份：2021）');
    expect(lines).toContain('跳过 wushan-action-2027（巫山县）：尚无任何现状值');
    const progress = lines.filter((l) => l.startsWith('['));
    expect(progress.map((l) => /^\[(\d+)\/7\] 黔江区 2022年 (\S+) \.(\w+) → /.exec(l)?.slice(1, 4))).toEqual([
      ['1', '年度自评估报告', 'docx'],
      ['2', '年度自评估报告', 'pdf'],
      ['3', '申报达标情况表', 'xlsx'],
      ['4', '中期评估报告', 'docx'],
      ['5', '中期评估报告', 'pdf'],
      ['6', '信息公开摘要', 'docx'],
      ['7', '信息公开摘要', 'pdf'],
    ]);
    expect(lines[lines.length - 1]).toMatch(/^完成：1个规划，共生成7个文件，用时[\d.]+秒。$/);
    expect(readdirSync(join(outDir, 'qianjiang-apeng-two-mountains')).sort()).toEqual(
      ['黔江区-2022-中期评估报告.docx', '黔江区-2022-中期评估报告.pdf', '黔江区-2022-信息公开摘要.docx', '黔江区-2022-信息公开摘要.pdf', '黔江区-2022-年度自评估报告.docx', '黔江区-2022-年度自评估报告.pdf', '黔江区-2022-申报达标情况表.xlsx'].sort(),
    );
  });
});
