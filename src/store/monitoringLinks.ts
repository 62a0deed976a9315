// Links from a monitoring statistic of some stations to a plan's indicator: set once by the plan office, audited.
import type { Actor } from '../auth/roles.ts';
import { isStatisticId, STATISTICS, type StatisticId, type StationKind } from '../domain/monitoringStatistics.ts';
import { t } from '../i18n/index.ts';
import { OFFICE_ROLES, requirePlanRole } from './access.ts';
import { writeAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';
import { getPlan, leafContextOf, loadFramework, type PlanRow } from './queries.ts';

/** A link refused or a figure that cannot be computed: the message is Chinese, in the plan office's words. */
export class MonitoringFigureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MonitoringFigureError';
  }
}

const refuse = (key: string, params: Record<string, string | number> = {}): never => {
  throw new MonitoringFigureError(t(key, params));
};

/** statisticName(id) → the statistic as the plan office names it (空气质量优良天数比例 …). */
export const statisticName = (id: StatisticId): string => t(`monitoringFigures.statistic.${id}`);
/** kindName(kind) → 空气监测站点 / 地表水断面 / 饮用水水源地. */
export const kindName = (kind: StationKind): string => t(`monitoringFigures.kind.${kind}`);

export interface LinkRef {
  plan: string;
  framework: string;
  number: string;
  part?: string | null;
}

export interface MonitoringLink {
  framework: string;
  number: string;
  part: string | null;
  /** the indicator's name (and part) as the plan prints it */
  name: string;
  statistic: StatisticId;
  stations: Array<{ code: string; name: string; kind: StationKind }>;
  setBy: string;
  setAt: string;
}

export interface ResolvedIndicator {
  plan: PlanRow;
  indicatorId: number;
  part: string;
  label: string;
}

/** resolveIndicator(db, ref) → the plan, the indicator's id and part, or a refusal naming what was not found. */
export async function resolveIndicator(db: Queryable, ref: LinkRef): Promise<ResolvedIndicator> {
  const plan = await getPlan(db, String(ref.plan ?? ''));
  if (!plan) return refuse('monitoringFigures.error.unknownPlan', { plan: String(ref.plan ?? '') });
  if (!plan.frameworks.includes(ref.framework)) return refuse('monitoringFigures.error.frameworkNotInPlan', { framework: String(ref.framework ?? ''), plan: plan.title, frameworks: plan.frameworks.join('、') });
  const fw = await loadFramework(db, ref.framework);
  const indicatorId = fw?.indicatorIds.get(String(ref.number));
  const part = ref.part ?? '';
  const ctx = fw && indicatorId !== undefined ? leafContextOf(fw.def, String(ref.number), part) : undefined;
  if (!fw || indicatorId === undefined || !ctx) {
    const item = fw?.def.indicators.find((i) => i.number === String(ref.number));
    if (item?.parts && !part) return refuse('monitoringFigures.error.needPart', { framework: fw!.def.name, number: String(ref.number), parts: item.parts.map((p) => p.name).join('、') });
    return refuse('monitoringFigures.error.unknownIndicator', { framework: fw?.def.name ?? String(ref.framework), number: String(ref.number), part: part ? `（${part}）` : '' });
  }
  return { plan, indicatorId, part, label: ctx.label };
}

/**
 * setMonitoringLink(db, { plan, framework, number, part?, statistic, stations: codes of the plan's region's
 * stations }, actor) → sets (or replaces) which statistic of which stations feeds the indicator. Office roles only;
 * audited. Every station must exist in the plan's region and be of the kind the statistic takes.
 */
export async function setMonitoringLink(db: Db, e: LinkRef & { statistic: StatisticId; stations: string[] }, actor: Actor): Promise<void> {
  const target = await resolveIndicator(db, e);
  if (!isStatisticId(e.statistic)) return refuse('monitoringFigures.error.unknownStatistic', { statistic: String(e.statistic ?? ''), known: Object.keys(STATISTICS).join('、') });
  const codes = [...new Set((e.stations ?? []).map((c) => String(c).trim()).filter(Boolean))];
  if (codes.length === 0) return refuse('monitoringFigures.error.noStations', { statistic: statisticName(e.statistic) });
  const kind = STATISTICS[e.statistic].kind;
  await db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, target.plan.id, OFFICE_ROLES);
    const found = await tx.query<{ id: number; code: string; name: string; kind: StationKind }>('SELECT id, code, name, kind FROM stations WHERE region_id = $1 AND code = ANY($2::text[])', [target.plan.regionId, codes]);
    const byCode = new Map(found.rows.map((r) => [r.code, r]));
    for (const code of codes) {
      const s = byCode.get(code);
      if (!s) refuse('monitoringFigures.error.unknownStation', { code, region: target.plan.region });
      else if (s.kind !== kind) refuse('monitoringFigures.error.wrongKind', { station: s.name, code, stationKind: kindName(s.kind), statistic: statisticName(e.statistic), kind: kindName(kind) });
    }
    const ids = codes.map((c) => byCode.get(c)!.id);
    const before = await tx.query<{ statistic: string; station_ids: number[] }>('SELECT statistic, station_ids FROM monitoring_links WHERE plan_id = $1 AND indicator_id = $2 AND part = $3 FOR UPDATE', [target.plan.id, target.indicatorId, target.part]);
    await tx.query(
      `INSERT INTO monitoring_links (plan_id, indicator_id, part, statistic, station_ids, set_by) VALUES ($1, $2, $3, $4, $5::int[], $6)
       ON CONFLICT (plan_id, indicator_id, part) DO UPDATE SET statistic = EXCLUDED.statistic, station_ids = EXCLUDED.station_ids, set_by = EXCLUDED.set_by, set_at = now()`,
      [target.plan.id, target.indicatorId, target.part, e.statistic, ids, actor.name],
    );
    await writeAudit(tx, actor, {
      action: before.rows[0] ? 'monitoringLink.replace' : 'monitoringLink.set',
      entity: 'monitoring_link',
      entityId: `${target.plan.id}:${target.indicatorId}:${target.part}`,
      planId: target.plan.id,
      regionId: target.plan.regionId,
      before: before.rows[0] ?? null,
      after: { framework: e.framework, number: String(e.number), part: target.part || null, statistic: e.statistic, stations: codes },
    });
  });
}

/** removeMonitoringLink(db, { plan, framework, number, part? }, actor) → removes the link (its computed figures stay as they are). */
export async function removeMonitoringLink(db: Db, e: LinkRef, actor: Actor): Promise<void> {
  const target = await resolveIndicator(db, e);
  await db.transaction(async (tx) => {
    await requirePlanRole(tx, actor, target.plan.id, OFFICE_ROLES);
    const r = await tx.query<{ statistic: string; station_ids: number[] }>('DELETE FROM monitoring_links WHERE plan_id = $1 AND indicator_id = $2 AND part = $3 RETURNING statistic, station_ids', [target.plan.id, target.indicatorId, target.part]);
    if (!r.rows[0]) refuse('monitoringFigures.error.noLink', { label: target.label });
    await writeAudit(tx, actor, { action: 'monitoringLink.remove', entity: 'monitoring_link', entityId: `${target.plan.id}:${target.indicatorId}:${target.part}`, planId: target.plan.id, regionId: target.plan.regionId, before: r.rows[0], after: null });
  });
}

/** itemName(definition, part) → "环境空气质量（优良天数比例）" or the item's name. */
export const itemName = (definitionName: string, part: string): string => (part ? `${definitionName}（${part}）` : definitionName);

/** listMonitoringLinks(db, planId) → the plan's links, in the order of its frameworks' items. */
export async function listMonitoringLinks(db: Queryable, planId: string): Promise<MonitoringLink[]> {
  const r = await db.query<{ framework_id: string; number: string; name: string; part: string; statistic: StatisticId; station_ids: number[]; set_by: string; set_at: Date | string }>(
    `SELECT i.framework_id, i.number, i.definition->>'name' AS name, l.part, l.statistic, l.station_ids, l.set_by, l.set_at
     FROM monitoring_links l JOIN indicators i ON i.id = l.indicator_id
     LEFT JOIN plan_frameworks pf ON pf.plan_id = l.plan_id AND pf.framework_id = i.framework_id
     WHERE l.plan_id = $1 ORDER BY pf.position, i.position, l.part`,
    [planId],
  );
  const ids = [...new Set(r.rows.flatMap((x) => x.station_ids))];
  const st = ids.length === 0 ? { rows: [] } : await db.query<{ id: number; code: string; name: string; kind: StationKind }>('SELECT id, code, name, kind FROM stations WHERE id = ANY($1::int[])', [ids]);
  const byId = new Map(st.rows.map((s) => [s.id, s]));
  return r.rows.map((x) => ({
    framework: x.framework_id,
    number: x.number,
    part: x.part || null,
    name: itemName(x.name, x.part),
    statistic: x.statistic,
    stations: x.station_ids.flatMap((id) => {
      const s = byId.get(id);
      return s ? [{ code: s.code, name: s.name, kind: s.kind }] : [];
    }),
    setBy: x.set_by,
    setAt: new Date(x.set_at).toISOString(),
  }));
}
