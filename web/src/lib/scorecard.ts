// The scorecard's rows: filtering, grouping by domain/task, and the same cells as text for the CSV.
// Only presentation: statuses, points and classes are shown as the API gives them.
import type { Achievability, ResultItem, Status } from '../api/types.ts';
import type { Translate } from '../i18n/index.tsx';
import { formatNumber } from './format.ts';

export interface Filters {
  search: string;
  statuses: Status[];
  lead: string | undefined;
  attribute: string | undefined;
}

export const NO_FILTERS: Filters = { search: '', statuses: [], lead: undefined, attribute: undefined };

export type Row =
  | { kind: 'group'; key: string; domain: string | null; task: string | null; count: number }
  | { kind: 'item'; key: string; item: ResultItem };

export function filterItems(results: ResultItem[], f: Filters): ResultItem[] {
  const q = f.search.trim().toLowerCase();
  return results.filter(
    (r) =>
      (q === '' ||
        r.name.toLowerCase().includes(q) ||
        r.number.toLowerCase() === q ||
        (r.parts ?? []).some((p) => (p.part ?? '').toLowerCase().includes(q))) &&
      (f.statuses.length === 0 || f.statuses.includes(r.status)) &&
      (f.lead === undefined || r.leadUnits.includes(f.lead)) &&
      (f.attribute === undefined || r.attribute === f.attribute),
  );
}

/** Rows with a header row before each run of indicators sharing a domain and task. */
export function groupRows(items: ResultItem[]): Row[] {
  const rows: Row[] = [];
  let header: Extract<Row, { kind: 'group' }> | undefined;
  for (const item of items) {
    const hasGroup = item.domain !== null || item.task !== null;
    if (hasGroup && (!header || header.domain !== item.domain || header.task !== item.task)) {
      header = { kind: 'group', key: `group-${rows.length}`, domain: item.domain, task: item.task, count: 0 };
      rows.push(header);
    }
    if (!hasGroup) header = undefined;
    if (header) header.count++;
    rows.push({ kind: 'item', key: `item-${item.number}`, item });
  }
  return rows;
}

export function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

export function pointsText(r: Pick<ResultItem, 'points' | 'pointsRange' | 'maxPoints'>, t: Translate): string {
  if (r.maxPoints === null) return r.points !== null ? formatNumber(r.points) : t('common.none');
  if (r.points !== null) return t('scorecard.pointsText', { points: formatNumber(r.points), max: formatNumber(r.maxPoints) });
  const [min, max] = r.pointsRange ?? [null, null];
  if (min !== null && max !== null)
    return t('scorecard.pointsRange', { min: formatNumber(min), max: formatNumber(max), maxPoints: formatNumber(r.maxPoints) });
  return t('common.none');
}

/** The plan's own achievability judgement: its class, and its commitment with the year (力争2024年达标). */
export function statedJudgement(a: Achievability | null, t: Translate): string[] {
  const s = a?.stated;
  if (!s) return [];
  const lines: string[] = [];
  if (s.classText) lines.push(s.classText);
  if (s.commitment && s.year !== null) lines.push(t('scorecard.commitment', { commitment: s.commitment, year: s.year }));
  else if (!s.classText && s.year !== null) lines.push(t('scorecard.statedYear', { year: s.year }));
  return lines;
}

export function leadText(units: string[], t: Translate): string {
  return units.length ? units.join(t('list.separator')) : t('common.none');
}

export function nameText(r: ResultItem, t: Translate): string {
  const parts = (r.parts ?? []).map((p) => p.part).filter((p): p is string => !!p);
  return parts.length ? t('scorecard.nameWithParts', { name: r.name, parts: parts.join(t('list.separator')) }) : r.name;
}

/** The visible table as text rows for the CSV export (header first). */
export function csvTable(items: ResultItem[], scored: boolean, t: Translate): string[][] {
  const none = t('common.none');
  const header = [
    t('scorecard.col.domain'),
    t('scorecard.col.task'),
    t('scorecard.col.number'),
    t('scorecard.col.name'),
    t('scorecard.col.attribute'),
    t('scorecard.col.unit'),
    t('scorecard.col.requirement'),
    t('scorecard.col.value'),
    t('scorecard.col.status'),
    ...(scored ? [t('scorecard.col.points')] : []),
    t('scorecard.col.achievability'),
    t('scorecard.col.stated'),
    t('scorecard.col.leadUnits'),
  ];
  const rows = items.map((r) => [
    r.domain ?? '',
    r.task ?? '',
    r.number,
    nameText(r, t),
    r.attribute ?? '',
    r.unit ?? '',
    r.requirement ?? none,
    r.value ?? none,
    r.confirmation ? t('scorecard.statusConfirmed', { status: t(`status.${r.status}`) }) : t(`status.${r.status}`),
    ...(scored ? [pointsText(r, t)] : []),
    r.achievability?.classText ?? none,
    statedJudgement(r.achievability, t).join(t('list.separator')) || none,
    leadText(r.leadUnits, t),
  ]);
  return [header, ...rows];
}
