// The indicator achievement table (达标情况表) as an Excel workbook: one sheet per framework, laid out as
// the plans lay it out, with merged domain/task cells, coloured status cells, counts, and print setup.
import ExcelJS from 'exceljs';
import type { PlanAssessment } from '../app/assessPlan.ts';
import { t, type Locale } from '../i18n/index.ts';

const STATUS_FILL: Record<string, string> = {
  met: 'FFD9F2D0',
  notMet: 'FFF8D0D0',
  indeterminate: 'FFFCE8C8',
  noData: 'FFEDEDED',
  notApplicable: 'FFF7F7F7',
};

/** Excel forbids some characters in sheet names and allows 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet';
  let n = 2;
  while (used.has(base)) base = `${base.slice(0, 28)}(${n++})`;
  used.add(base);
  return base;
}

export async function scorecardWorkbook(a: PlanAssessment, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ecociv';
  const used = new Set<string>();
  for (const f of a.frameworks) {
    const scored = f.maxScore !== null;
    const ws = wb.addWorksheet(sheetName(f.name, used), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    const headers = [
      t('xlsx.domain', {}, locale),
      t('xlsx.task', {}, locale),
      t('table.number', {}, locale),
      t('table.name', {}, locale),
      t('table.unit', {}, locale),
      t('table.requirement', {}, locale),
      t('xlsx.attribute', {}, locale),
      t('xlsx.value', { year: a.year }, locale),
      t('table.status', {}, locale),
      ...(scored ? [t('table.points', {}, locale)] : []),
      t('table.class', {}, locale),
      t('table.stated', {}, locale),
      t('xlsx.leadUnits', {}, locale),
      t('xlsx.reason', {}, locale),
    ];
    const width = headers.length;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = `${a.title} — ${f.name}（${a.year}）`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = f.summary;
    ws.getRow(3).values = headers;
    ws.getRow(3).font = { bold: true };
    ws.getRow(3).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    const widths = [10, 16, 6, 28, 8, 22, 8, 22, 12, ...(scored ? [8] : []), 12, 16, 18, 48];
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

    let row = 4;
    const runs: Array<{ col: number; from: number; to: number }> = [];
    let domainStart = row;
    let taskStart = row;
    f.results.forEach((r, i) => {
      const prev = f.results[i - 1];
      if (prev && prev.domain !== r.domain) {
        runs.push({ col: 1, from: domainStart, to: row - 1 });
        domainStart = row;
      }
      if (prev && (prev.task !== r.task || prev.domain !== r.domain)) {
        runs.push({ col: 2, from: taskStart, to: row - 1 });
        taskStart = row;
      }
      const points = scored ? [r.maxPoints === null ? '' : `${r.points ?? `${r.pointsRange?.[0]}–${r.pointsRange?.[1]}`}/${r.maxPoints}`] : [];
      const stated = r.achievability?.stated;
      ws.getRow(row).values = [
        r.domain ?? '',
        r.task ?? '',
        r.number,
        r.name,
        r.unit ?? '',
        r.requirement ?? '',
        r.attribute ?? '',
        r.value ?? '',
        r.confirmation ? `${r.statusText}（${t('xlsx.confirmed', {}, locale)}）` : r.statusText,
        ...points,
        r.achievability?.classText ?? '',
        stated ? (stated.classText ?? `${stated.commitment ?? ''}${stated.year ?? ''}`) : '',
        r.leadUnits.join('、'),
        r.reason,
      ];
      ws.getRow(row).alignment = { vertical: 'middle', wrapText: true };
      ws.getCell(row, 9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] ?? 'FFFFFFFF' } };
      row++;
    });
    if (f.results.length > 0) {
      runs.push({ col: 1, from: domainStart, to: row - 1 }, { col: 2, from: taskStart, to: row - 1 });
      for (const run of runs) if (run.to > run.from) ws.mergeCells(run.from, run.col, run.to, run.col);
    }
    for (let r = 3; r < row; r++) {
      for (let c = 1; c <= width; c++) {
        ws.getCell(r, c).border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      }
    }
    row++;
    ws.getRow(row++).values = [
      t('xlsx.counts', { applicable: f.applicable, met: f.met, notMet: f.notMet, indeterminate: f.indeterminate, noData: f.noData, notApplicable: f.notApplicable }, locale),
    ];
    if (scored) ws.getRow(row++).values = [t('cli.scoreLine', { score: f.score ?? `${f.scoreRange?.[0]}–${f.scoreRange?.[1]}`, max: f.maxScore ?? '', pass: f.passScore ?? '' }, locale)];
    for (const s of f.stated) ws.getRow(row++).values = [t('cli.statedLine', { printed: s.printed, line: s.source.line }, locale)];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
