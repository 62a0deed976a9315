// The department assessment as an Excel workbook: the ranking, each part's score and weight, and the reasons.
import type { DepartmentAssessment } from '../app/departmentAssessment.ts';
import { t, type Locale } from '../i18n/index.ts';
import { addRow, addSheet, newWorkbook, toBuffer, type Column } from './sheet.ts';

export async function departmentsWorkbook(a: DepartmentAssessment, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const columns: Column[] = [
    { field: 'rank', header: 'xlsx.col.rank', width: 6 },
    { field: 'unit', header: 'xlsx.col.unit', width: 20 },
    { field: 'total', header: 'xlsx.col.total', width: 8 },
    ...a.parts.flatMap((p) => [
      { field: `${p}.score`, header: `department.part.${p}`, width: 10 },
      { field: `${p}.reason`, header: `department.part.${p}`, width: 44 },
    ]),
  ];
  const wb = newWorkbook();
  const ws = addSheet(wb, t('xlsx.sheet.departments', {}, locale), t('xlsx.title.departments', { title: a.title, year: a.year, asOf: a.asOf }, locale), columns, locale);
  // the header names each part twice: its score, then the reasons behind it
  a.parts.forEach((p, i) => {
    ws.getCell(2, 4 + i * 2).value = `${t(`department.part.${p}`, {}, locale)}（${t('xlsx.col.weight', {}, locale)} ${a.weights[p]}）`;
    ws.getCell(2, 5 + i * 2).value = `${t(`department.part.${p}`, {}, locale)} — ${t('xlsx.reason', {}, locale)}`;
  });
  for (const u of a.ranking) {
    const values: Record<string, unknown> = { rank: u.rank, unit: u.unit, total: u.total };
    for (const p of u.parts) {
      values[`${p.part}.score`] = p.score;
      values[`${p.part}.reason`] = p.reason;
    }
    addRow(ws, columns, values);
  }
  return toBuffer(wb);
}
