// The tracking commands as a plan office runs them: progress, export of the template, import (all or
// nothing, every problem named by row and column), supervision and the department ranking.
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ecociv-cli-tracking-'));
const ecociv = cliIn(dir);

describe('ecociv tracking commands (embedded store)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('progress shows the roll-up against the document’s totals', async () => {
    const r = await ecociv('progress', 'wushan-demo-county', '--as-of', '2023-07-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('文件所列合计：80 项 513,306 万元；表内合计：80 项 513,306 万元。');
    expect(r.stdout).toMatch(/生态安全保障工程\s+31\s+205,455/);
    const j = JSON.parse((await ecociv('progress', 'wushan-demo-county', '--as-of', '2023-07-10', '--format', 'json')).stdout);
    expect(j.rollup.total).toMatchObject({ originalCount: 80, originalInvestmentWan: 513306 });
  });

  it('a filled template with one bad row is refused whole, naming the row and column; the corrected one lands', async () => {
    const file = join(dir, 'progress.xlsx');
    const out = await ecociv('export', 'progress', 'wushan-demo-county', '--out', file, '--period', '2023-Q2');
    expect(out.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('进度填报')!;
    ws.getCell('G3').value = 1000; // 累计完成投资
    ws.getCell('I3').value = '在建';
    ws.getCell('O3').value = '2023-07-03';
    ws.getCell('G4').value = 200;
    ws.getCell('I4').value = '已完工了';
    ws.getCell('O4').value = '2023-07-03';
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const bad = await ecociv('import', 'progress', 'wushan-demo-county', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('未保存，发现 1 处错误');
    expect(bad.stderr).toContain('进度填报第4行 项目状态=“已完工了”');
    const none = JSON.parse((await ecociv('progress', 'wushan-demo-county', '--as-of', '2023-07-10', '--format', 'json')).stdout);
    expect(none.rollup.total.completedWan).toBe(0);
    ws.getCell('I4').value = '完工';
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const ok = await ecociv('import', 'progress', 'wushan-demo-county', file, '--format', 'json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).recorded).toBe(2);
    const after = JSON.parse((await ecociv('progress', 'wushan-demo-county', '--as-of', '2023-07-10', '--format', 'json')).stdout);
    expect(after.rollup.total.completedWan).toBe(1200);
    expect(after.rollup.total.statusCounts.completed).toBe(1);
  });

  it('supervise and departments say what they did; a wrong kind or ending is a usage error', async () => {
    expect((await ecociv('supervise', 'wushan-demo-county', '--as-of', '2023-07-10')).stdout).toContain('没有需要督办的逾期任务。');
    const d = await ecociv('departments', 'wushan-demo-county', '--year', '2023', '--as-of', '2023-07-10');
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/县水利局：[\d.]+/);
    expect(d.stdout).toContain('重点项目：牵头项目');
    const kind = await ecociv('export', 'budget', 'wushan-demo-county', '--out', join(dir, 'x.xlsx'));
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('导入导出的内容“budget”无效');
    const ending = await ecociv('export', 'projects', 'wushan-demo-county', '--out', join(dir, 'x.csv'));
    expect(ending.code).toBe(2);
    expect(ending.stderr).toContain('扩展名应为 .xlsx');
  });
});
