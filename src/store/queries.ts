// Reading plans, assessment inputs and projects from the store.
import { leafContexts, leafKey, type Confirmation, type FrameworkDef, type ItemDef, type LeafContext, type LeafData, type ObservationInput } from '../domain/assess.ts';
import { parseRequirement, type ReadValue } from '../domain/phrase.ts';
import type { ProjectInput, StatedTotal } from '../domain/projects.ts';
import type { RegionTraits, Source, Status } from '../domain/types.ts';
import type { Queryable } from './db.ts';
import { decodeReading } from './reading.ts';

export interface PlanRow {
  id: string;
  region: string;
  regionId: number;
  title: string;
  issuer: string | null;
  scope: string | null;
  periodStart: number;
  periodEnd: number;
  baseYear: number | null;
  targetYears: number[];
  document: { id: string; file: string | null; title: string } | null;
  frameworks: string[];
  statedSummaries: StatedSummary[];
  office: { unit: string; printed: string; source: Source } | null;
  /** what the plan's prose states about its own tables (data/README.md, plan.yaml statements) */
  statements: PlanStatement[];
}

export interface PlanStatement {
  printed: string;
  year?: number;
  figure?: { name: string; printed: string; unit?: string };
  itemCounts?: { framework: string; total?: number; only?: { city?: number; coastal?: number } };
  source: Source;
}

export interface StatedSummary {
  framework: string;
  year?: number;
  printed: string;
  counts?: { applicable: number; met: number; notMet: number };
  classes?: Record<string, number>;
  score?: number;
  source: Source;
}

interface PlanDbRow {
  id: string;
  region: string;
  region_id: number;
  title: string;
  issuer: string | null;
  scope: string | null;
  period_start: number;
  period_end: number;
  base_year: number | null;
  target_years: number[];
  document_id: string | null;
  document_file: string | null;
  document_title: string | null;
  frameworks: string[] | null;
  stated_summaries: StatedSummary[];
  office: PlanRow['office'];
  statements: PlanStatement[] | null;
}

const PLAN_SELECT = `
  SELECT p.id, r.name AS region, p.region_id, p.title, p.issuer, p.scope, p.period_start, p.period_end, p.base_year,
         p.target_years, p.document_id, d.file AS document_file, d.title AS document_title, p.stated_summaries, p.office, p.statements,
         (SELECT array_agg(pf.framework_id ORDER BY pf.position) FROM plan_frameworks pf WHERE pf.plan_id = p.id) AS frameworks
  FROM plans p JOIN regions r ON r.id = p.region_id LEFT JOIN documents d ON d.id = p.document_id`;

function toPlan(r: PlanDbRow): PlanRow {
  return {
    id: r.id,
    region: r.region,
    regionId: r.region_id,
    title: r.title,
    issuer: r.issuer,
    scope: r.scope,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    baseYear: r.base_year,
    targetYears: r.target_years,
    document: r.document_id ? { id: r.document_id, file: r.document_file, title: r.document_title ?? '' } : null,
    frameworks: r.frameworks ?? [],
    statedSummaries: r.stated_summaries ?? [],
    office: r.office ?? null,
    statements: r.statements ?? [],
  };
}

export async function listPlans(db: Queryable): Promise<PlanRow[]> {
  const r = await db.query<PlanDbRow>(`${PLAN_SELECT} ORDER BY p.id`);
  return r.rows.map(toPlan);
}

export async function getPlan(db: Queryable, id: string): Promise<PlanRow | undefined> {
  const r = await db.query<PlanDbRow>(`${PLAN_SELECT} WHERE p.id = $1`, [id]);
  return r.rows[0] ? toPlan(r.rows[0]) : undefined;
}

export async function regionTraitsOf(db: Queryable, regionId: number): Promise<RegionTraits> {
  const r = await db.query<{ level: RegionTraits['level']; terrain: RegionTraits['terrain'] | null; climate: string | null; coastal: boolean }>(
    'SELECT level, terrain, climate, coastal FROM regions WHERE id = $1',
    [regionId],
  );
  const row = r.rows[0];
  if (!row) throw new Error(`region ${regionId} not found`);
  return { level: row.level, coastal: row.coastal, ...(row.terrain ? { terrain: row.terrain } : {}), ...(row.climate ? { climate: row.climate } : {}) };
}

export interface FrameworkRow {
  def: FrameworkDef;
  version: string;
  basis: string | null;
  source: Source | null;
  /** indicator id by item number */
  indicatorIds: Map<string, number>;
}

export async function loadFramework(db: Queryable, id: string): Promise<FrameworkRow | undefined> {
  const f = await db.query<{ id: string; name: string; version: string; basis: string | null; max_score: string | null; pass_score: string | null; source: Source | null }>(
    'SELECT id, name, version, basis, max_score, pass_score, source FROM frameworks WHERE id = $1',
    [id],
  );
  const fw = f.rows[0];
  if (!fw) return undefined;
  const items = await db.query<{ id: number; number: string; definition: ItemDef }>(
    'SELECT id, number, definition FROM indicators WHERE framework_id = $1 ORDER BY position',
    [id],
  );
  const def: FrameworkDef = {
    id: fw.id,
    name: fw.name,
    indicators: items.rows.map((r) => r.definition),
    ...(fw.max_score !== null ? { scoring: { maxScore: Number(fw.max_score), passScore: Number(fw.pass_score) } } : {}),
  };
  return { def, version: fw.version, basis: fw.basis, source: fw.source, indicatorIds: new Map(items.rows.map((r) => [r.number, r.id])) };
}

/** Unit and polarity of one leaf: what its values and targets are read with. */
export function leafContextOf(def: FrameworkDef, number: string, part: string): LeafContext | undefined {
  // that item's leaves only: reading every item's name for its polarity on each figure saved is most of a save's work
  const item = def.indicators.find((i) => i.number === number);
  return item ? leafContexts({ ...def, indicators: [item] }).get(leafKey(number, part || undefined)) : undefined;
}

interface ObservationDbRow {
  indicator_id: number;
  part: string;
  year: number;
  printed: string;
  reading: ReadValue;
  data_year: number | null;
  flags: string[];
  footnote: ObservationInput['footnote'] | null;
  correction: (Omit<NonNullable<ObservationInput['correction']>, 'reading'> & { reading: ReadValue }) | null;
  source: Source | null;
  unit_name: string | null;
}

export function toObservation(r: Omit<ObservationDbRow, 'indicator_id' | 'part' | 'unit_name'>): ObservationInput {
  const o: ObservationInput = { year: r.year, printed: r.printed, reading: decodeReading(r.reading), flags: r.flags ?? [] };
  if (r.data_year !== null) o.dataYear = r.data_year;
  if (r.footnote) o.footnote = r.footnote;
  if (r.correction) o.correction = decodeReading(r.correction);
  // a document's line; a computed figure's source is its provenance (computed_figures), not a line of a document
  if (r.source && typeof r.source.document === 'string') o.source = r.source;
  return o;
}

export interface ConfirmationDbRow {
  part: string | null;
  year: number;
  status: Status | null;
  points: string | null;
  confirmed_by: string;
  confirmed_at: string;
  reason: string;
  source?: Source | null;
}

export function toConfirmation(r: ConfirmationDbRow, number: string): Confirmation {
  return {
    number,
    year: r.year,
    by: r.confirmed_by,
    at: r.confirmed_at,
    reason: r.reason,
    ...(r.part ? { part: r.part } : {}),
    ...(r.status ? { status: r.status } : {}),
    ...(r.points !== null ? { points: Number(r.points) } : {}),
    ...(r.source ? { source: r.source } : {}),
  };
}

export interface AssessmentInputs {
  plan: PlanRow;
  region: RegionTraits;
  frameworks: Array<{ framework: FrameworkRow; data: Map<string, LeafData>; confirmations: Confirmation[] }>;
}

/** Which entered figures an assessment may use: all (the working assessment), or those of the published years and the document's own (the public's). */
export interface AssessmentScope {
  publishedYears?: number[];
  /** only these of the plan's frameworks (a kept assessment recomputing the one a change touched) */
  frameworks?: string[];
}

/** Everything the engine needs to assess a plan, from the store. */
export async function loadAssessmentInputs(db: Queryable, planId: string, opts: AssessmentScope = {}): Promise<AssessmentInputs | undefined> {
  const years = opts.publishedYears ?? null;
  const plan = await getPlan(db, planId);
  if (!plan) return undefined;
  const region = await regionTraitsOf(db, plan.regionId);
  const frameworks: AssessmentInputs['frameworks'] = [];
  for (const fwId of plan.frameworks) {
    if (opts.frameworks && !opts.frameworks.includes(fwId)) continue;
    const framework = await loadFramework(db, fwId);
    if (!framework) continue;
    const numberOf = new Map([...framework.indicatorIds].map(([n, id]) => [id, n]));
    const data = new Map<string, LeafData>();
    const leaf = (indicatorId: number, part: string): LeafData | undefined => {
      const number = numberOf.get(indicatorId);
      if (number === undefined) return undefined;
      const key = leafKey(number, part || undefined);
      let d = data.get(key);
      if (!d) {
        d = { observations: [], targets: [], leadUnits: [] };
        data.set(key, d);
      }
      return d;
    };
    const ids = [...framework.indicatorIds.values()];
    const obs = await db.query<ObservationDbRow>(
      `SELECT o.indicator_id, o.part, o.year, o.printed, o.reading, o.data_year, o.flags, o.footnote, o.correction, o.source
       FROM observations o WHERE o.region_id = $1 AND o.indicator_id = ANY($2::int[]) AND o.review <> 'returned'
         AND ($3::int[] IS NULL OR o.origin = 'document' OR o.year = ANY($3::int[])) ORDER BY o.year`,
      [plan.regionId, ids, years],
    );
    for (const r of obs.rows) leaf(r.indicator_id, r.part)?.observations.push(toObservation(r));
    const targets = await db.query<{ indicator_id: number; part: string; year: number; printed: string; source: Source | null }>(
      'SELECT indicator_id, part, year, printed, source FROM targets WHERE plan_id = $1 AND indicator_id = ANY($2::int[]) ORDER BY year',
      [planId, ids],
    );
    const contexts = leafContexts(framework.def);
    for (const r of targets.rows) {
      const d = leaf(r.indicator_id, r.part);
      if (!d) continue;
      const ctx = contexts.get(leafKey(numberOf.get(r.indicator_id)!, r.part || undefined)) ?? { label: r.printed, polarity: 'higher' as const };
      d.targets.push({ year: r.year, printed: r.printed, requirement: parseRequirement(r.printed, ctx), ...(r.source ? { source: r.source } : {}) });
    }
    const units = await db.query<{ indicator_id: number; part: string; name: string }>(
      `SELECT l.indicator_id, l.part, u.name FROM lead_units l JOIN units u ON u.id = l.unit_id
       WHERE l.plan_id = $1 AND l.indicator_id = ANY($2::int[]) ORDER BY l.position`,
      [planId, ids],
    );
    for (const r of units.rows) leaf(r.indicator_id, r.part)?.leadUnits.push(r.name);
    const stated = await db.query<{ indicator_id: number; part: string; kind: string; payload: never }>(
      'SELECT indicator_id, part, kind, payload FROM stated_judgements WHERE plan_id = $1 AND indicator_id = ANY($2::int[])',
      [planId, ids],
    );
    for (const r of stated.rows) {
      const d = leaf(r.indicator_id, r.part);
      if (!d) continue;
      if (r.kind === 'status') d.statedStatus = r.payload;
      if (r.kind === 'score') d.statedScore = r.payload;
      if (r.kind === 'achievability') d.statedAchievability = r.payload;
    }
    const conf = await db.query<ConfirmationDbRow & { indicator_id: number }>(
      `SELECT indicator_id, part, year, status, points, confirmed_by, confirmed_at, reason, source
       FROM confirmations WHERE region_id = $1 AND indicator_id = ANY($2::int[])
         AND ($3::int[] IS NULL OR origin = 'document' OR year = ANY($3::int[])) ORDER BY created_at DESC, id DESC`,
      [plan.regionId, ids, years],
    );
    const confirmations = conf.rows.map((r) => toConfirmation(r, numberOf.get(r.indicator_id)!));
    frameworks.push({ framework, data, confirmations });
  }
  return { plan, region, frameworks };
}

export interface ProjectsData {
  projects: Array<ProjectInput & { key: string; township: string | null; subCategory: string | null; content: string | null; yearsPrinted: string | null; origin: string | null; indicators: string[]; source: Source | null }>;
  groups: Array<{ name: string; number: string | null; stated: StatedTotal | null }>;
  stated: StatedTotal | null;
}

export async function loadProjects(db: Queryable, planId: string): Promise<ProjectsData> {
  const plan = await db.query<{ stated_projects: StatedTotal | null }>('SELECT stated_projects FROM plans WHERE id = $1', [planId]);
  const groups = await db.query<{ name: string; number: string | null; stated: StatedTotal | null }>(
    'SELECT name, number, stated FROM project_groups WHERE plan_id = $1 ORDER BY position',
    [planId],
  );
  const rows = await db.query<{
    key: string;
    township: string | null;
    number: number | null;
    group_name: string;
    category: string | null;
    sub_category: string | null;
    name: string;
    content: string | null;
    investment_wan: string | null;
    years_printed: string | null;
    year_start: number | null;
    year_end: number | null;
    lead_units: string[];
    origin: string | null;
    indicator_names: string[];
    source: Source | null;
  }>(
    `SELECT key, township, number, group_name, category, sub_category, name, content, investment_wan, years_printed, year_start, year_end,
            lead_units, origin, indicator_names, source
     FROM projects WHERE plan_id = $1 ORDER BY position`,
    [planId],
  );
  return {
    stated: plan.rows[0]?.stated_projects ?? null,
    groups: groups.rows,
    projects: rows.rows.map((r) => ({
      key: r.key,
      township: r.township,
      number: r.number,
      group: r.group_name,
      category: r.category,
      subCategory: r.sub_category,
      name: r.name,
      content: r.content,
      investmentWan: r.investment_wan === null ? null : Number(r.investment_wan),
      yearsPrinted: r.years_printed,
      yearStart: r.year_start,
      yearEnd: r.year_end,
      leadUnits: r.lead_units ?? [],
      origin: r.origin,
      indicators: r.indicator_names ?? [],
      source: r.source,
    })),
  };
}

export interface TaskRow {
  key: string;
  kind: 'heading' | 'clause';
  depth: number;
  number: string | null;
  title: string | null;
  text: string | null;
  leadUnits: string[];
  cooperatingUnits: string[];
  deadline: string | null;
  indicators: string[];
  source: Source | null;
  tasks: TaskRow[];
}

/** A plan's key tasks as a tree, in document order. */
export async function loadTasks(db: Queryable, planId: string): Promise<TaskRow[]> {
  const r = await db.query<{
    id: string;
    key: string;
    parent_id: string | null;
    kind: 'heading' | 'clause';
    depth: number;
    number: string | null;
    title: string | null;
    text: string | null;
    lead_units: string[];
    cooperating_units: string[];
    deadline: string | null;
    indicator_names: string[];
    source: Source | null;
  }>(
    `SELECT id, key, parent_id, kind, depth, number, title, text, lead_units, cooperating_units, deadline, indicator_names, source
     FROM tasks WHERE plan_id = $1 ORDER BY position`,
    [planId],
  );
  const byId = new Map<string, TaskRow>();
  const roots: TaskRow[] = [];
  for (const row of r.rows) {
    const node: TaskRow = {
      key: row.key,
      kind: row.kind,
      depth: row.depth,
      number: row.number,
      title: row.title,
      text: row.text,
      leadUnits: row.lead_units ?? [],
      cooperatingUnits: row.cooperating_units ?? [],
      deadline: row.deadline,
      indicators: row.indicator_names ?? [],
      source: row.source,
      tasks: [],
    };
    byId.set(String(row.id), node);
    const parent = row.parent_id === null ? undefined : byId.get(String(row.parent_id));
    (parent ? parent.tasks : roots).push(node);
  }
  return roots;
}

/** The units that lead an indicator (or its part) in a plan. */
export async function leadUnitNames(db: Queryable, planId: string, indicatorId: number, part: string): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT u.name FROM lead_units l JOIN units u ON u.id = l.unit_id WHERE l.plan_id = $1 AND l.indicator_id = $2 AND (l.part = $3 OR l.part = '')`,
    [planId, indicatorId, part],
  );
  return r.rows.map((x) => x.name);
}
