// The indicator achievement table (达标情况表) as an Excel workbook: one sheet per framework, laid out as
// the plans lay it out, with merged domain/task cells, coloured status cells, counts, and print setup.
// Two layouts: the scorecard (the web workspace's export, with the engine's reasons and classes) and the
// application table (申报达标情况表: the plan's own columns with the targets, for the reviewers).
import ExcelJS from 'exceljs';
import type { PlanAssessment } from '../app/assessPlan.ts';
import { t, type Locale } from '../i18n/index.ts';
import { perPart, scoreText, targetOf, type FrameworkAssessment, type IndicatorResult } from './build/inputs.ts';

const STATUS_FILL: Record<string, string> = {
  met: 'FFD9F2D0',
  notMet: 'FFF8D0D0',
  indeterminate: 'FFFCE8C8',
  noData: 'FFEDEDED',
  notApplicable: 'FFF7F7F7',
};

export type WorkbookLayout = 'scorecard' | 'application';

interface Column {
  header: string;
  width: number;
  value: (r: IndicatorResult) => string;
  /** the status column: filled with the status colour */
  status?: boolean;
  /** the points column: summed in the application table's totals row */
  points?: boolean;
}

/** Excel forbids some characters in sheet names and allows 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[\\/?*[\]:]/g, '').slice(0, 31) || 'Sheet';
  let n = 2;
  while (used.has(base)) base = `${base.slice(0, 28)}(${n++})`;
  used.add(base);
  return base;
}

function columns(a: PlanAssessment, f: FrameworkAssessment, layout: WorkbookLayout, locale: Locale): Column[] {
  const tr = (k: string, p: Record<string, string | number> = {}) => t(k, p, locale);
  const scored = f.maxScore !== null;
  const statusText = (r: IndicatorResult) => (r.confirmation ? `${r.statusText}（${tr('xlsx.confirmed')}）` : r.statusText);
  const lead: Column[] = [
    { header: tr('xlsx.domain'), width: 10, value: (r) => r.domain ?? '' },
    { header: tr('xlsx.task'), width: 16, value: (r) => r.task ?? '' },
    { header: tr('table.number'), width: 6, value: (r) => r.number },
    { header: tr('table.name'), width: 28, value: (r) => r.name },
    { header: tr('table.unit'), width: 8, value: (r) => r.unit ?? '' },
  ];
  const points: Column[] = scored ? [{ header: tr('table.points'), width: 8, value: (r) => scoreText(r), points: true }] : [];
  if (layout === 'scorecard')
    return [
      ...lead,
      { header: tr('table.requirement'), width: 22, value: (r) => r.requirement ?? '' },
      { header: tr('xlsx.attribute'), width: 8, value: (r) => r.attribute ?? '' },
      { header: tr('xlsx.value', { year: a.year }), width: 22, value: (r) => r.value ?? '' },
      { header: tr('table.status'), width: 12, value: statusText, status: true },
      ...points,
      { header: tr('table.class'), width: 12, value: (r) => r.achievability?.classText ?? '' },
      {
        header: tr('table.stated'),
        width: 16,
        value: (r) => {
          const s = r.achievability?.stated;
          return s ? (s.classText ?? `${s.commitment ?? ''}${s.year ?? ''}`) : '';
        },
      },
      { header: tr('xlsx.leadUnits'), width: 18, value: (r) => r.leadUnits.join('、') },
      { header: tr('xlsx.reason'), width: 48, value: (r) => r.reason },
    ];
  const targetYears = [...new Set(f.results.map((r) => targetOf(r)?.year).filter((y): y is number => y !== undefined))];
  const oneYear = targetYears.length === 1 ? targetYears[0] : undefined;
  return [
    ...lead,
    { header: tr('table.requirement'), width: 22, value: (r) => perPart(r, (l) => l.requirement) },
    { header: tr('xlsx.attribute'), width: 8, value: (r) => r.attribute ?? '' },
    { header: tr('xlsx.value', { year: a.year }), width: 22, value: (r) => perPart(r, (l) => l.value) },
    { header: tr('table.status'), width: 12, value: statusText, status: true },
    ...points,
    {
      header: oneYear ? tr('report.app.target', { year: oneYear }) : tr('report.col.target'),
      width: 18,
      value: (r) => {
        const target = targetOf(r);
        if (!target) return '';
        return oneYear ? perPart(r, (l) => l.target?.printed ?? null) : `${perPart(r, (l) => l.target?.printed ?? null)}（${tr('report.yearOnly', { year: target.year })}）`;
      },
    },
    { header: tr('xlsx.leadUnits'), width: 18, value: (r) => r.leadUnits.join('、') },
  ];
}

export async function scorecardWorkbook(a: PlanAssessment, locale: Locale = 'zh-CN', layout: WorkbookLayout = 'scorecard'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ecociv';
  const used = new Set<string>();
  for (const f of a.frameworks) {
    const scored = f.maxScore !== null;
    const cols = columns(a, f, layout, locale);
    const ws = wb.addWorksheet(sheetName(f.name, used), {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true, margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
      headerFooter: { oddFooter: '&C&P / &N' },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    const width = cols.length;
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = layout === 'application' ? t('report.app.title', { title: a.title, framework: f.name, year: a.year }, locale) : `${a.title} — ${f.name}（${a.year}）`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = f.summary;
    ws.getRow(3).values = cols.map((c) => c.header);
    ws.getRow(3).font = { bold: true };
    ws.getRow(3).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    const statusCol = cols.findIndex((c) => c.status) + 1;

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
      ws.getRow(row).values = cols.map((c) => c.value(r));
      ws.getRow(row).alignment = { vertical: 'middle', wrapText: true };
      ws.getCell(row, statusCol).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[r.status] ?? 'FFFFFFFF' } };
      row++;
    });
    if (f.results.length > 0) {
      runs.push({ col: 1, from: domainStart, to: row - 1 }, { col: 2, from: taskStart, to: row - 1 });
      for (const run of runs) if (run.to > run.from) ws.mergeCells(run.from, run.col, run.to, run.col);
    }
    if (layout === 'application' && scored) {
      // the totals row inside the table: the score against the maximum, as the plans' tables end
      const pointsCol = cols.findIndex((c) => c.points) + 1;
      ws.mergeCells(row, 1, row, pointsCol - 1);
      ws.getCell(row, 1).value = t('report.app.total', {}, locale);
      ws.getCell(row, 1).alignment = { horizontal: 'center' };
      ws.getCell(row, pointsCol).value = f.score === null ? `${f.scoreRange?.[0]}–${f.scoreRange?.[1]}/${f.maxScore}` : `${f.score}/${f.maxScore}`;
      ws.getRow(row).font = { bold: true };
      row++;
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
    if (layout === 'application' && f.deductions.length > 0)
      ws.getRow(row++).values = [
        t('report.score.deductions', {
          count: f.deductions.length,
          lost: f.deductions.reduce((s, d) => s + d.lost, 0),
          items: f.deductions.map((d) => t('report.score.deduction', { name: d.name, lost: d.lost }, locale)).join('、'),
        }, locale),
      ];
    for (const s of f.stated) ws.getRow(row++).values = [t('cli.statedLine', { printed: s.printed, line: s.source.line }, locale)];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
