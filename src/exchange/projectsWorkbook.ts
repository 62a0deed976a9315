// The project list in Excel, in the column layout of the plans' own project tables (序号, 项目类别, 子类,
// 项目名称, 建设内容及规模, 投资, 实施年限, 牵头单位, 项目来源, 关联指标), with each project's progress.
// An imported sheet becomes changes to the list (new numbers are added, changed rows adjusted), each
// with its reason and date; the document's own rows are never overwritten.
import { projectProgress } from '../app/projectProgress.ts';
import { t, type Locale } from '../i18n/index.ts';
import { InvalidBatchError, Problems, readNumber, readText, splitList, todayInChina } from '../store/batch.ts';
import type { Db, Queryable } from '../store/db.ts';
import { SYSTEM_ACTOR, type Actor } from '../auth/roles.ts';
import { loadProjects } from '../store/queries.ts';
import { recordProjectChange, type ChangeEntry } from '../store/projectTracking.ts';
import { addRow, addSheet, newWorkbook, readSheet, sheetError, toBuffer, type Column } from './sheet.ts';

export const PROJECT_COLUMNS: Column[] = [
  { field: 'project', header: 'xlsx.col.projectKey', width: 6, required: true },
  { field: 'group', header: 'xlsx.col.group', width: 14 },
  { field: 'category', header: 'xlsx.col.category', width: 14 },
  { field: 'subCategory', header: 'xlsx.col.subCategory', width: 14 },
  { field: 'name', header: 'xlsx.col.projectName', width: 28, required: true },
  { field: 'content', header: 'xlsx.col.content', width: 40 },
  { field: 'investmentWan', header: 'xlsx.col.investmentWan', width: 12 },
  { field: 'years', header: 'xlsx.col.years', width: 12 },
  { field: 'leadUnits', header: 'xlsx.col.leadUnits', width: 16 },
  { field: 'origin', header: 'xlsx.col.origin', width: 18 },
  { field: 'indicators', header: 'xlsx.col.indicators', width: 20 },
  { field: 'township', header: 'xlsx.col.township', width: 12 },
];
const IMPORT_COLUMNS: Column[] = [
  ...PROJECT_COLUMNS,
  { field: 'reason', header: 'xlsx.col.changeReason', width: 20 },
  { field: 'effectiveOn', header: 'xlsx.col.effectiveOn', width: 12 },
];
const EXPORT_COLUMNS: Column[] = [
  ...PROJECT_COLUMNS,
  { field: 'change', header: 'xlsx.col.change', width: 24 },
  { field: 'completedWan', header: 'xlsx.col.investmentCumulativeWan', width: 12 },
  { field: 'completedShare', header: 'xlsx.col.completedShare', width: 10 },
  { field: 'physicalPercent', header: 'xlsx.col.physicalPercent', width: 10 },
  { field: 'status', header: 'xlsx.col.status', width: 10 },
  { field: 'period', header: 'xlsx.col.lastPeriod', width: 10 },
  { field: 'source', header: 'xlsx.col.source', width: 12 },
];

export async function projectsWorkbook(db: Queryable, planId: string, opts: { asOf?: string; locale?: Locale } = {}): Promise<Buffer> {
  const locale = opts.locale ?? 'zh-CN';
  const p = await projectProgress(db, planId, { ...(opts.asOf ? { asOf: opts.asOf } : {}), locale });
  const details = new Map((await loadProjects(db, planId)).projects.map((x) => [x.key, x]));
  const wb = newWorkbook();
  const ws = addSheet(wb, t('xlsx.sheet.projects', {}, locale), t('xlsx.title.projects', { title: p.title, asOf: p.asOf }, locale), EXPORT_COLUMNS, locale);
  const groups = [...new Set(p.projects.map((x) => x.group))];
  for (const g of groups) {
    const stated = p.stated.groups.find((x) => x.name === g);
    const head = ws.addRow([t('xlsx.groupRow', { name: g, count: stated?.count ?? 0, investment: (stated?.investmentWan ?? 0).toLocaleString('en-US') }, locale)]);
    ws.mergeCells(head.number, 1, head.number, EXPORT_COLUMNS.length);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    for (const pr of p.projects.filter((x) => x.group === g)) {
      const d = details.get(pr.key);
      const row = addRow(ws, EXPORT_COLUMNS, {
        ...pr,
        project: pr.key,
        subCategory: d?.subCategory,
        content: d?.content,
        years: d?.yearsPrinted ?? (pr.yearStart ? `${pr.yearStart}—${pr.yearEnd ?? pr.yearStart}` : null),
        origin: d?.origin,
        indicators: d?.indicators,
        change: pr.changes.map((c) => `${c.effectiveOn} ${t(`change.kind.${c.kind}`, {}, locale)}：${c.reason}`).join('\n') || null,
        completedWan: pr.latest?.investmentCumulativeWan ?? null,
        completedShare: pr.completedShare === null ? null : Math.round(pr.completedShare * 1000) / 10,
        physicalPercent: pr.latest?.physicalPercent ?? null,
        status: pr.cancelled ? t('projectStatus.cancelled', {}, locale) : t(`projectStatus.${pr.latest?.status ?? 'noReport'}`, {}, locale),
        period: pr.latest?.period ?? null,
        source: pr.source ? `${pr.source.document}:${pr.source.line}` : null,
      });
      row.getCell(EXPORT_COLUMNS.findIndex((c) => c.field === 'investmentWan') + 1).numFmt = '#,##0.####';
    }
  }
  const total = ws.addRow([t('xlsx.totalRow', { count: p.stated.count, investment: (p.stated.investmentWan ?? 0).toLocaleString('en-US') }, locale)]);
  ws.mergeCells(total.number, 1, total.number, EXPORT_COLUMNS.length);
  total.font = { bold: true };
  return toBuffer(wb);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Land a project sheet as changes: rows with a new number are added, rows that differ are adjusted. */
export async function importProjectsWorkbook(db: Db, planId: string, data: Buffer, opts: { recordedBy?: string; today?: string; actor?: Actor } = {}): Promise<{ added: number; adjusted: number; unchanged: number }> {
  const { sheet, rows } = await readSheet(data, IMPORT_COLUMNS, t('xlsx.sheet.projects'));
  const current = new Map((await projectProgress(db, planId, { asOf: '9999-12-31' })).projects.map((p) => [p.key, p]));
  const problems = new Problems();
  const changes: ChangeEntry[] = [];
  const rowOf: number[] = [];
  let unchanged = 0;
  for (const [i, r] of rows.entries()) {
    const v = r.values;
    const key = readText(v.project) ?? '';
    const years = /^(\d{4})\s*(?:[-—–~至到]+\s*(\d{4}))?/.exec(String(v.years ?? ''));
    const fields: Record<string, unknown> = {};
    for (const f of ['name', 'group', 'category', 'township'] as const) if (readText(v[f]) !== undefined) fields[f] = readText(v[f]);
    if (v.investmentWan !== undefined) fields.investmentWan = readNumber(v.investmentWan);
    if (v.leadUnits !== undefined) fields.leadUnits = splitList(v.leadUnits);
    if (years) {
      fields.yearStart = Number(years[1]);
      fields.yearEnd = Number(years[2] ?? years[1]);
    } else if (v.years !== undefined) problems.add(i + 1, 'years', v.years, 'exchange.error.years');
    const existing = current.get(key);
    let kind: ChangeEntry['kind'] = 'add';
    if (existing) {
      const differs = Object.entries(fields).filter(([f, val]) => {
        const cur = (existing as unknown as Record<string, unknown>)[f];
        return Array.isArray(val) ? !sameList(val as string[], (cur as string[]) ?? []) : val !== cur;
      });
      if (differs.length === 0) {
        unchanged++;
        continue;
      }
      kind = 'adjust';
      for (const f of Object.keys(fields)) if (!differs.some(([d]) => d === f)) delete fields[f];
    }
    changes.push({ plan: planId, project: key, kind, fields, reason: readText(v.reason) ?? '', effectiveOn: readText(v.effectiveOn) ?? opts.today ?? todayInChina(), ...(opts.recordedBy ? { recordedBy: opts.recordedBy } : {}) });
    rowOf.push(i + 1);
  }
  if (!problems.empty) throw sheetError(problems.list, rows, IMPORT_COLUMNS, sheet);
  // Every change is checked against the list as the earlier rows leave it, inside one transaction.
  try {
    await db.transaction(async (tx) => {
      const found: InvalidBatchError['problems'] = [];
      for (const [i, c] of changes.entries()) {
        try {
          await recordProjectChange(tx, c, opts.actor ?? SYSTEM_ACTOR);
        } catch (e) {
          if (!(e instanceof InvalidBatchError)) throw e;
          found.push(...e.problems.map((p) => ({ ...p, row: rowOf[i]!, field: p.field.replace(/^fields\./, '') })));
        }
      }
      if (found.length > 0) throw new InvalidBatchError(found);
    });
  } catch (e) {
    if (e instanceof InvalidBatchError) throw sheetError(e.problems, rows, IMPORT_COLUMNS, sheet);
    throw e;
  }
  return { added: changes.filter((c) => c.kind === 'add').length, adjusted: changes.filter((c) => c.kind === 'adjust').length, unchanged };
}
