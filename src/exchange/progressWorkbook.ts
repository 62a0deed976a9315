// Progress reports in Excel: a template with one row per project in force (the unit fills the period's
// figures), the reports entered so far, and the import that lands a filled sheet whole or not at all.
import type { Locale } from '../i18n/index.ts';
import { t } from '../i18n/index.ts';
import { projectProgress } from '../app/projectProgress.ts';
import type { Db, Queryable } from '../store/db.ts';
import { checkProgress, recordProgress, type ProgressEntry } from '../store/projectTracking.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { addRow, addSheet, newWorkbook, readSheet, sheetError, toBuffer, type Column } from './sheet.ts';

export const PROGRESS_COLUMNS: Column[] = [
  { field: 'project', header: 'xlsx.col.projectKey', width: 8, required: true, given: true },
  { field: 'name', header: 'xlsx.col.projectName', width: 30, given: true },
  { field: 'leadUnits', header: 'xlsx.col.leadUnits', width: 16, given: true },
  { field: 'investmentWan', header: 'xlsx.col.investmentWan', width: 12, given: true },
  { field: 'period', header: 'xlsx.col.period', width: 12, required: true, prefill: true },
  { field: 'investmentPeriodWan', header: 'xlsx.col.investmentPeriodWan', width: 12 },
  { field: 'investmentCumulativeWan', header: 'xlsx.col.investmentCumulativeWan', width: 12 },
  { field: 'physicalPercent', header: 'xlsx.col.physicalPercent', width: 10 },
  { field: 'status', header: 'xlsx.col.status', width: 10, required: true },
  { field: 'milestones', header: 'xlsx.col.milestones', width: 24 },
  { field: 'problems', header: 'xlsx.col.problems', width: 24 },
  { field: 'measures', header: 'xlsx.col.measures', width: 24 },
  { field: 'reportingUnit', header: 'xlsx.col.reportingUnit', width: 14 },
  { field: 'reportedBy', header: 'xlsx.col.reportedBy', width: 10 },
  { field: 'reportedOn', header: 'xlsx.col.reportedOn', width: 12 },
  { field: 'backdateReason', header: 'xlsx.col.backdateReason', width: 20 },
];

/**
 * The progress workbook of a plan: sheet 1 is the template (every project in force, with the period
 * to fill in when given); sheet 2 lists every report entered so far.
 */
export async function progressWorkbook(db: Queryable, planId: string, opts: { period?: string; asOf?: string; locale?: Locale } = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'zh-CN';
  const p = await projectProgress(db, planId, { ...(opts.asOf ? { asOf: opts.asOf } : {}), locale });
  const wb = newWorkbook();
  const ws = addSheet(wb, t('xlsx.sheet.progressTemplate', {}, locale), t('xlsx.title.progressTemplate', { title: p.title, period: opts.period ?? '' }, locale), PROGRESS_COLUMNS, locale);
  for (const pr of p.projects.filter((x) => !x.cancelled)) {
    addRow(ws, PROGRESS_COLUMNS, { project: pr.key, name: pr.name, leadUnits: pr.leadUnits, investmentWan: pr.investmentWan, period: opts.period });
  }
  const done = addSheet(wb, t('xlsx.sheet.progressReports', {}, locale), t('xlsx.title.progressReports', { title: p.title, asOf: p.asOf }, locale), [...PROGRESS_COLUMNS, { field: 'review', header: 'xlsx.col.review', width: 10 }], locale);
  for (const pr of p.projects) {
    for (const r of pr.reports) {
      addRow(done, [...PROGRESS_COLUMNS, { field: 'review', header: 'xlsx.col.review', width: 10 }], {
        ...r,
        project: pr.key,
        name: pr.name,
        leadUnits: pr.leadUnits,
        investmentWan: pr.investmentWan,
        status: t(`projectStatus.${r.status}`, {}, locale),
        review: t(`review.${r.review}`, {}, locale),
      });
    }
  }
  return toBuffer(wb);
}

async function entriesOf(data: Buffer, planId: string) {
  const { sheet, rows } = await readSheet(data, PROGRESS_COLUMNS, t('xlsx.sheet.progressTemplate'));
  const entries: ProgressEntry[] = rows.map((r) => ({ ...(r.values as Record<string, string>), plan: planId }) as unknown as ProgressEntry);
  return { sheet, rows, entries };
}

/** Check a filled progress sheet without saving: every problem, with its row and column. */
export async function checkProgressWorkbook(db: Queryable, planId: string, data: Buffer, actor: Actor = SYSTEM_ACTOR): Promise<{ rows: number; problems: InvalidBatchError['problems'] }> {
  const { sheet, rows, entries } = await entriesOf(data, planId);
  const { problems } = await checkProgress(db, entries, { actor });
  return { rows: entries.length, problems: problems.empty ? [] : sheetError(problems.list, rows, PROGRESS_COLUMNS, sheet).problems };
}

/** Land a filled progress sheet: every row is checked first, and all rows land or none. */
export async function importProgressWorkbook(db: Db, planId: string, data: Buffer, actor: Actor = SYSTEM_ACTOR): Promise<{ recorded: number }> {
  const { sheet, rows, entries } = await entriesOf(data, planId);
  if (entries.length === 0) throw new InvalidBatchError([{ row: 1, field: t('xlsx.col.period'), value: sheet, message: t('exchange.error.noRows') }], 'row', sheet);
  try {
    return await recordProgress(db, entries, { actor });
  } catch (e) {
    if (e instanceof InvalidBatchError) throw sheetError(e.problems, rows, PROGRESS_COLUMNS, sheet);
    throw e;
  }
}
