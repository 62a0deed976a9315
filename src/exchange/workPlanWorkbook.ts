// The annual work plan in Excel: export of the items with how each stands, and import of new items.
import { workPlan } from '../app/workPlanView.ts';
import { t, type Locale } from '../i18n/index.ts';
import { InvalidBatchError } from '../store/batch.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import type { Db, Queryable } from '../store/db.ts';
import { recordWorkItems, type WorkItemEntry } from '../store/workPlan.ts';
import { addRow, addSheet, newWorkbook, readSheet, sheetError, toBuffer, type Column } from './sheet.ts';

export const WORK_ITEM_COLUMNS: Column[] = [
  { field: 'year', header: 'xlsx.col.year', width: 8, required: true },
  { field: 'task', header: 'xlsx.col.taskKey', width: 10 },
  { field: 'title', header: 'xlsx.col.workTitle', width: 40, required: true },
  { field: 'leadUnit', header: 'xlsx.col.leadUnit', width: 16, required: true },
  { field: 'cooperatingUnits', header: 'xlsx.col.cooperatingUnits', width: 20 },
  { field: 'deadline', header: 'xlsx.col.deadline', width: 12, required: true },
  { field: 'indicators', header: 'xlsx.col.indicators', width: 20 },
];

const EXPORT_COLUMNS: Column[] = [
  ...WORK_ITEM_COLUMNS,
  { field: 'status', header: 'xlsx.col.workStatus', width: 10 },
  { field: 'timeliness', header: 'xlsx.col.timeliness', width: 10 },
  { field: 'doneOn', header: 'xlsx.col.doneOn', width: 12 },
  { field: 'lastUpdate', header: 'xlsx.col.lastUpdate', width: 36 },
  { field: 'notices', header: 'xlsx.col.notices', width: 36 },
];

export async function workPlanWorkbook(db: Queryable, planId: string, opts: { year?: number; asOf?: string; locale?: Locale } = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'zh-CN';
  const w = await workPlan(db, planId, opts);
  const wb = newWorkbook();
  const ws = addSheet(wb, t('xlsx.sheet.workPlan', {}, locale), t('xlsx.title.workPlan', { title: w.title, year: opts.year ?? '', asOf: w.asOf }, locale), EXPORT_COLUMNS, locale);
  for (const i of w.items) {
    const last = i.updates[i.updates.length - 1];
    addRow(ws, EXPORT_COLUMNS, {
      ...i,
      task: i.taskKey,
      status: t(`workStatus.${i.status}`, {}, locale),
      timeliness: t(`timeliness.${i.timeliness}`, {}, locale),
      lastUpdate: last ? `${last.reportedOn} ${last.progress}` : null,
      notices: i.notices.map((n) => `${n.issuedOn} ${n.reply === null ? t('notice.open', {}, locale) : `${t('notice.replied', {}, locale)}：${n.reply}`}`).join('\n') || null,
    });
  }
  return toBuffer(wb);
}

export async function importWorkPlanWorkbook(db: Db, planId: string, data: Buffer, actor: Actor = SYSTEM_ACTOR): Promise<{ recorded: number }> {
  const { sheet, rows } = await readSheet(data, WORK_ITEM_COLUMNS, t('xlsx.sheet.workPlan'));
  if (rows.length === 0) throw new InvalidBatchError([{ row: 1, field: t('xlsx.col.workTitle'), value: sheet, message: t('exchange.error.noRows') }], 'row', sheet);
  const entries = rows.map((r) => ({ ...(r.values as Record<string, string>), plan: planId }) as unknown as WorkItemEntry);
  try {
    return await recordWorkItems(db, entries, actor);
  } catch (e) {
    if (e instanceof InvalidBatchError) throw sheetError(e.problems, rows, WORK_ITEM_COLUMNS, sheet);
    throw e;
  }
}
