// Plan imports: a document read into data waits here for a person (pending), who corrects it, then accepts it
// (the whole plan lands in one transaction, audited) or discards it. Nothing of the plan lands before
// acceptance. Only the plan office and administrators act on imports, in the region the document names (or,
// while that region is not yet in the store, the person who uploaded it); checked here on every call,
// whatever the route in front has checked.
import { grantsFor, type Actor } from '../auth/roles.ts';
import { leafContexts, leafKey, validateFrameworkPhrases, type FrameworkDef } from '../domain/assess.ts';
import { parseRequirement, parseValue, PhraseError } from '../domain/phrase.ts';
import { applyEdits, type FieldEdit } from '../domain/planImport/edits.ts';
import { planDifferences, type Difference } from '../domain/planImport/differences.ts';
import { toImportJson, type ImportJson } from '../domain/planImport/json.ts';
import type { DocumentFormat } from '../domain/planImport/document.ts';
import type { ExtractedPlan } from '../domain/planImport/types.ts';
import { LIMITS } from '../domain/limits.ts';
import type { LoadedPlan } from '../data/load.ts';
import { phraseMessage } from '../data/problems.ts';
import { frameworkFileSchema, indicatorDataFileSchema, planFileSchema, projectsFileSchema, tasksFileSchema, type FrameworkFile } from '../data/schema.ts';
import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { t } from '../i18n/index.ts';
import { ForbiddenError, OFFICE_ROLES } from './access.ts';
import { writeAudit } from './audit.ts';
import type { Db, Queryable } from './db.ts';
import { NotFoundError } from './errors.ts';
import { loadFrameworks, loadPlanRows } from './importBuiltin.ts';
import { getPlan, loadFramework, loadTasks, type TaskRow } from './queries.ts';
import { regionChain } from './users.ts';

/** The level of a region an import creates: a district or county, as data/regions.yaml names the level. */
const COUNTY_LEVEL = '区县';

// the schemas' own refusals in Chinese, as the built-in data's loader has them (src/data/load.ts)
z.config(zhCN());

export type ImportStatus = 'pending' | 'accepted' | 'discarded';

/** An import refused as asked (a region to name, a value that cannot land, a decided import): HTTP 400/409/422, CLI exit 1. */
export class PlanImportError extends Error {
  constructor(
    message: string,
    readonly code: 'unknownRegion' | 'invalid' | 'decided' | 'badRequest',
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'PlanImportError';
  }
}

export interface PlanImportSummary {
  id: number;
  fileName: string;
  format: DocumentFormat;
  status: ImportStatus;
  title: string;
  region: string | null;
  /** the region is in the store (else accepting must name one or create it) */
  regionKnown: boolean;
  /** the stored plan a revised document replaces, with its title */
  replaces: { id: string; title: string } | null;
  planId: string | null;
  createdBy: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  counts: { indicators: number; frameworks: number; projects: number; investmentWan: number; tasks: number; findings: number };
  lineCount: number;
  edits: number;
}

export interface PlanImportRecord extends PlanImportSummary {
  /** the extraction with the reviewer's corrections */
  extracted: ExtractedPlan;
}

interface ImportDbRow {
  id: string;
  file_name: string;
  format: DocumentFormat;
  document_id: string;
  extracted: ExtractedPlan;
  edited: ExtractedPlan | null;
  edits: unknown[];
  region_id: number | null;
  replaces_plan: string | null;
  replaces_title: string | null;
  status: ImportStatus;
  plan_id: string | null;
  created_by: string;
  created_by_id: string | null;
  created_at: string | Date;
  decided_by: string | null;
  decided_at: string | Date | null;
  line_count: number;
}

const SELECT = `SELECT i.id, i.file_name, i.format, i.document_id, i.extracted, i.edited, i.edits, i.region_id, i.replaces_plan,
    p.title AS replaces_title, i.status, i.plan_id, i.created_by, i.created_by_id, i.created_at, i.decided_by, i.decided_at,
    jsonb_array_length(i.lines) AS line_count
  FROM plan_imports i LEFT JOIN plans p ON p.id = i.replaces_plan`;

const iso = (v: string | Date | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const json = (v: unknown) => JSON.stringify(v);

/** Counts of what an extraction holds. */
export function importCounts(x: ExtractedPlan): PlanImportSummary['counts'] {
  const j = toImportJson(x);
  return {
    frameworks: j.frameworks.length,
    indicators: j.frameworks.reduce((n, f) => n + f.indicators.length, 0),
    projects: j.projects.length,
    investmentWan: Math.round(j.projects.reduce((n, p) => n + (p.investmentWan ?? 0), 0) * 100) / 100,
    tasks: j.tasks.length,
    findings: j.findings.length,
  };
}

function toRecord(r: ImportDbRow): PlanImportRecord {
  const x = r.edited ?? r.extracted;
  return {
    id: Number(r.id),
    fileName: r.file_name,
    format: r.format,
    status: r.status,
    title: x.plan.title,
    region: x.plan.region || null,
    regionKnown: r.region_id !== null,
    replaces: r.replaces_plan ? { id: r.replaces_plan, title: r.replaces_title ?? r.replaces_plan } : null,
    planId: r.plan_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    counts: importCounts(x),
    lineCount: Number(r.line_count),
    edits: (r.edits ?? []).length,
    extracted: x,
  };
}

/** Does the actor hold the plan office's (or an administrator's) role for this import? */
async function mayAct(db: Queryable, actor: Actor, regionId: number | null, createdById: string | null): Promise<boolean> {
  const user = actor.user;
  if (!user) return true;
  const office = user.roles.filter((g) => (OFFICE_ROLES as readonly string[]).includes(g.role));
  if (office.some((g) => g.regionId === null)) return true;
  if (regionId === null) return createdById !== null && Number(createdById) === user.id && office.length > 0;
  return grantsFor({ ...user, roles: office }, await regionChain(db, regionId)).length > 0;
}

async function requireOfficeSomewhere(actor: Actor): Promise<void> {
  if (actor.user && !actor.user.roles.some((g) => (OFFICE_ROLES as readonly string[]).includes(g.role))) throw new ForbiddenError(t('planImport.error.role'));
}

async function loadRow(db: Queryable, id: number, actor: Actor, lock = false): Promise<ImportDbRow> {
  const r = await db.query<ImportDbRow>(`${SELECT} WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`, [id]);
  const row = r.rows[0];
  // an import outside the actor's regions is answered as one that does not exist: its title is not theirs to see
  if (!row || !(await mayAct(db, actor, row.region_id, row.created_by_id))) throw new NotFoundError(t('planImport.error.notFound', { id }));
  return row;
}

async function regionIdByName(db: Queryable, name: string): Promise<number | null> {
  if (!name) return null;
  const r = await db.query<{ id: number }>('SELECT id FROM regions WHERE name = $1', [name]);
  return r.rows[0]?.id ?? null;
}

/** The extraction as it will land: its plan id the replaced plan's, new frameworks under ids no other plan uses. */
async function settle(db: Queryable, x: ExtractedPlan, replaces: string | null): Promise<ExtractedPlan> {
  const y = structuredClone(x);
  let planId = replaces ?? y.plan.id;
  if (!replaces) {
    const base = planId;
    for (let i = 2; (await db.query('SELECT 1 FROM plans WHERE id = $1', [planId])).rows.length > 0; i++) planId = `${base}-${i}`;
  }
  const renamed = new Map<string, string>();
  for (const f of y.frameworks) {
    if (f.matched) continue;
    let id = f.framework.id;
    const base = id;
    for (let i = 2; ; i++) {
      const r = await db.query<{ builtin: boolean; plans: string[] | null }>('SELECT f.builtin, (SELECT array_agg(plan_id) FROM plan_frameworks WHERE framework_id = f.id) AS plans FROM frameworks f WHERE f.id = $1', [id]);
      const row = r.rows[0];
      // free, or the replaced plan's own: used as it is
      if (!row || (!row.builtin && (row.plans ?? []).every((p) => p === replaces))) break;
      id = `${base}-${i}`;
    }
    if (id !== base) renamed.set(base, id);
    f.framework.id = id;
  }
  y.plan.id = planId;
  y.plan.frameworks = y.plan.frameworks.map((id) => renamed.get(id) ?? id);
  for (const s of y.plan.statedSummaries ?? []) s.framework = renamed.get(s.framework) ?? s.framework;
  for (const f of y.frameworks) {
    f.data.plan = planId;
    f.data.framework = f.matched ?? f.framework.id;
  }
  if (y.projects) y.projects.plan = planId;
  if (y.tasks) y.tasks.plan = planId;
  return y;
}

/** The stored, non-built-in plan of this title in this region: a revised document replaces it. */
async function planToReplace(db: Queryable, title: string, regionId: number | null): Promise<string | null> {
  if (regionId === null || !title) return null;
  const r = await db.query<{ id: string }>('SELECT id FROM plans WHERE title = $1 AND region_id = $2 AND NOT builtin ORDER BY id LIMIT 1', [title, regionId]);
  return r.rows[0]?.id ?? null;
}

export interface NewImport {
  fileName: string;
  format: DocumentFormat;
  documentId: string;
  lines: string[];
  extracted: ExtractedPlan;
}

/** Keep a document's extraction for review. Nothing of the plan lands. */
export async function createPlanImport(db: Db, input: NewImport, actor: Actor): Promise<PlanImportRecord> {
  await requireOfficeSomewhere(actor);
  if (input.lines.length > LIMITS.planDocumentLines) throw new PlanImportError(t('planImport.error.tooManyLines', { n: input.lines.length, max: LIMITS.planDocumentLines }), 'badRequest');
  return db.transaction(async (tx) => {
    const regionId = await regionIdByName(tx, input.extracted.plan.region);
    if (regionId !== null && !(await mayAct(tx, actor, regionId, null))) throw new ForbiddenError(t('planImport.error.region', { region: input.extracted.plan.region }));
    const replaces = await planToReplace(tx, input.extracted.plan.title, regionId);
    const settled = await settle(tx, input.extracted, replaces);
    const r = await tx.query<{ id: string }>(
      `INSERT INTO plan_imports (file_name, format, document_id, lines, extracted, region_id, replaces_plan, created_by, created_by_id)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9) RETURNING id`,
      [input.fileName, input.format, input.documentId, json(input.lines), json(settled), regionId, replaces, actor.name, actor.userId],
    );
    const id = Number(r.rows[0]!.id);
    await writeAudit(tx, actor, { action: 'planImport.upload', entity: 'plan_import', entityId: id, regionId, after: { summary: t('planImport.audit.uploaded', { file: input.fileName, title: settled.plan.title }), file: input.fileName, title: settled.plan.title, ...importCounts(settled) } });
    return toRecord((await tx.query<ImportDbRow>(`${SELECT} WHERE i.id = $1`, [id])).rows[0]!);
  });
}

/** The imports the actor may see, newest first; by status when asked. */
export async function listPlanImports(db: Queryable, actor: Actor, status?: ImportStatus): Promise<PlanImportSummary[]> {
  await requireOfficeSomewhere(actor);
  const r = await db.query<ImportDbRow>(`${SELECT}${status ? ' WHERE i.status = $1' : ''} ORDER BY i.id DESC LIMIT 200`, status ? [status] : []);
  const out: PlanImportSummary[] = [];
  for (const row of r.rows) {
    if (!(await mayAct(db, actor, row.region_id, row.created_by_id))) continue;
    const { extracted: _x, ...summary } = toRecord(row);
    out.push(summary);
  }
  return out;
}

export async function getPlanImport(db: Queryable, id: number, actor: Actor): Promise<PlanImportRecord> {
  await requireOfficeSomewhere(actor);
  return toRecord(await loadRow(db, id, actor));
}

/** Lines from..to (1-based, inclusive) of the document, at most 500 at a time. */
export async function planImportLines(db: Queryable, id: number, actor: Actor, from: number, to: number): Promise<{ from: number; to: number; total: number; lines: string[] }> {
  await requireOfficeSomewhere(actor);
  const row = await loadRow(db, id, actor);
  const total = Number(row.line_count);
  const a = Math.max(1, Math.min(from, total));
  const b = Math.max(a - 1, Math.min(to, total, a + 499));
  const r = await db.query<{ line: string }>('SELECT x.line FROM plan_imports, jsonb_array_elements_text(lines) WITH ORDINALITY AS x(line, n) WHERE id = $1 AND x.n BETWEEN $2 AND $3 ORDER BY x.n', [id, a, b]);
  return { from: a, to: b, total, lines: r.rows.map((x) => x.line) };
}

const pending = (row: ImportDbRow) => {
  if (row.status !== 'pending') throw new PlanImportError(t(`planImport.error.${row.status}`, { file: row.file_name }), 'decided');
};

/** Apply a reviewer's corrections to a pending import; kept with it (and in the audit trail). */
export async function editPlanImport(db: Db, id: number, edits: FieldEdit[], actor: Actor): Promise<PlanImportRecord> {
  await requireOfficeSomewhere(actor);
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, actor, true);
    pending(row);
    const before = row.edited ?? row.extracted;
    const after = applyEdits(before, edits);
    const kept = [...(row.edits ?? []), ...edits.map((e) => ({ ...e, by: actor.name, at: new Date().toISOString() }))];
    if (kept.length > LIMITS.listEntries * 5) throw new PlanImportError(t('planImport.edit.tooMany', { n: kept.length, max: LIMITS.listEntries * 5 }), 'badRequest');
    // the region corrected: where it now stands, and whether a stored plan of that title is replaced
    const regionId = await regionIdByName(tx, after.plan.region);
    if (regionId !== null && !(await mayAct(tx, actor, regionId, null))) throw new ForbiddenError(t('planImport.error.region', { region: after.plan.region }));
    const replaces = await planToReplace(tx, after.plan.title, regionId);
    const settled = replaces !== row.replaces_plan ? await settle(tx, after, replaces) : after;
    await tx.query('UPDATE plan_imports SET edited = $2::jsonb, edits = $3::jsonb, region_id = $4, replaces_plan = $5 WHERE id = $1', [id, json(settled), json(kept), regionId, replaces]);
    await writeAudit(tx, actor, { action: 'planImport.edit', entity: 'plan_import', entityId: id, regionId, after: { edits } });
    return toRecord((await tx.query<ImportDbRow>(`${SELECT} WHERE i.id = $1`, [id])).rows[0]!);
  });
}

export async function discardPlanImport(db: Db, id: number, actor: Actor): Promise<void> {
  await requireOfficeSomewhere(actor);
  await db.transaction(async (tx) => {
    const row = await loadRow(tx, id, actor, true);
    pending(row);
    await tx.query("UPDATE plan_imports SET status = 'discarded', decided_by = $2, decided_at = now() WHERE id = $1", [id, actor.name]);
    await writeAudit(tx, actor, { action: 'planImport.discard', entity: 'plan_import', entityId: id, regionId: row.region_id, after: { summary: t('planImport.audit.discarded', { file: row.file_name }), file: row.file_name } });
  });
}

// ---- validation: the same schemas and phrase checks as the built-in files, said as the plan office says it

const FIELD_WORDS: Record<string, string> = {
  title: 'title', region: 'region', period: 'period', start: 'periodStart', end: 'periodEnd', baseYear: 'baseYear', targetYears: 'targetYears',
  frameworks: 'frameworks', indicators: 'indicators', entries: 'indicators', name: 'name', number: 'number', unit: 'unit', attribute: 'attribute',
  requirement: 'requirement', observations: 'baseline', targets: 'target', printed: 'printed', year: 'year', leadUnits: 'leadUnits',
  projects: 'projects', groups: 'group', group: 'group', investmentWan: 'investmentWan', years: 'projectPeriod', tasks: 'tasks', clauses: 'clauses', text: 'taskText',
  source: 'source', stated: 'stated', parts: 'parts', flags: 'flags',
};

/** A schema path as words: 指标 第3项 目标值 第1项 数值. */
function pathWords(path: PropertyKey[]): string {
  return path
    .map((seg) => (typeof seg === 'number' ? t('planImport.invalid.nth', { n: seg + 1 }) : FIELD_WORDS[String(seg)] ? t(`planImport.label.${FIELD_WORDS[String(seg)]}`) : String(seg)))
    .join(' ');
}

/** A schema's refusal in the plan office's words where it has them (a list that needs an entry, a value missing), else zod's own Chinese. */
function issueText(i: z.core.$ZodIssue): string {
  if (i.code === 'too_small' && i.origin === 'array') return t('planImport.invalid.atLeast', { n: Number(i.minimum) });
  if (i.code === 'too_small' && i.origin === 'string') return t('planImport.invalid.emptyText');
  if (i.code === 'invalid_type' && i.input === undefined) return t('planImport.invalid.missing');
  return i.message;
}

/** Every problem that would stop the plan landing, in Chinese; [] when it can land. */
export function importProblems(x: ExtractedPlan, builtin: Map<string, FrameworkFile>): string[] {
  const problems: string[] = [];
  const add = (where: string, schema: z.ZodType, value: unknown) => {
    const r = schema.safeParse(value);
    if (!r.success) for (const i of r.error.issues.slice(0, 20)) problems.push(t('planImport.invalid.field', { where, field: pathWords(i.path), detail: issueText(i) }));
  };
  add(t('planImport.invalid.plan'), planFileSchema, x.plan);
  if (x.plan.period.start > x.plan.period.end) problems.push(t('planImport.invalid.period', { start: x.plan.period.start, end: x.plan.period.end }));
  for (const f of x.frameworks) {
    const fwName = f.framework.name || f.framework.id;
    const fw = f.matched ? builtin.get(f.matched) : f.framework;
    if (!fw) {
      problems.push(t('planImport.invalid.noFramework', { name: fwName }));
      continue;
    }
    if (!f.matched) {
      add(t('planImport.invalid.framework', { name: fwName }), frameworkFileSchema, f.framework);
      for (const e of validateFrameworkPhrases(fw as unknown as FrameworkDef)) problems.push(t('planImport.invalid.inFramework', { name: fwName, detail: phraseMessage(e) }));
    }
    add(t('planImport.invalid.data', { name: fwName }), indicatorDataFileSchema, f.data);
    let leaves: ReturnType<typeof leafContexts>;
    try {
      leaves = leafContexts(fw as unknown as FrameworkDef);
    } catch {
      continue; // the framework's own problems are listed above
    }
    const seen = new Set<string>();
    for (const entry of f.data.entries) {
      const key = leafKey(entry.number, entry.part);
      const label = `${entry.number}${entry.part ? ` ${entry.part}` : ''}`;
      const leaf = leaves.get(key);
      if (!leaf) {
        problems.push(t('planImport.invalid.unknownItem', { name: fwName, number: label }));
        continue;
      }
      if (seen.has(key)) problems.push(t('planImport.invalid.twice', { name: fwName, number: label }));
      seen.add(key);
      const years = new Set<number>();
      for (const o of entry.observations ?? []) {
        if (years.has(o.year)) problems.push(t('planImport.invalid.yearTwice', { name: fwName, number: label, year: o.year }));
        years.add(o.year);
        try {
          parseValue(o.printed, leaf);
        } catch (e) {
          if (!(e instanceof PhraseError)) throw e;
          problems.push(t('planImport.invalid.value', { name: fwName, number: label, printed: o.printed, detail: phraseMessage(e) }));
        }
      }
      for (const tg of entry.targets ?? []) {
        try {
          parseRequirement(tg.printed, leaf);
        } catch (e) {
          if (!(e instanceof PhraseError)) throw e;
          problems.push(t('planImport.invalid.target', { name: fwName, number: label, year: tg.year, printed: tg.printed, detail: phraseMessage(e) }));
        }
      }
    }
  }
  if (x.projects) {
    add(t('planImport.invalid.projects'), projectsFileSchema, x.projects);
    const groups = new Set(x.projects.groups.map((g) => g.name));
    x.projects.projects.forEach((p, i) => {
      if (!groups.has(p.group)) problems.push(t('planImport.invalid.group', { n: i + 1, name: p.name, group: p.group }));
    });
  }
  if (x.tasks) add(t('planImport.invalid.tasks'), tasksFileSchema, x.tasks);
  return problems;
}

/** The built-in (or otherwise stored) frameworks an extraction names as matched, as framework files. */
async function storedFrameworks(db: Queryable, ids: string[]): Promise<Map<string, FrameworkFile>> {
  const out = new Map<string, FrameworkFile>();
  for (const id of [...new Set(ids)]) {
    const f = await loadFramework(db, id);
    if (!f) continue;
    const row = (await db.query<{ name_en: string | null }>('SELECT name_en FROM frameworks WHERE id = $1', [id])).rows[0];
    out.set(id, {
      id,
      name: f.def.name,
      ...(row?.name_en ? { nameEn: row.name_en } : {}),
      version: f.version,
      ...(f.basis ? { basis: f.basis } : {}),
      source: (f.source ?? { document: '', line: 1 }) as FrameworkFile['source'],
      ...(f.def.scoring ? { scoring: { maxScore: f.def.scoring.maxScore, passScore: f.def.scoring.passScore } } : {}),
      indicators: f.def.indicators as unknown as FrameworkFile['indicators'],
    });
  }
  return out;
}

/** The frameworks stored in the store as built-in: what an extraction recognises tables as. */
export async function builtinFrameworks(db: Queryable): Promise<FrameworkFile[]> {
  const r = await db.query<{ id: string }>('SELECT id FROM frameworks WHERE builtin ORDER BY id');
  return [...(await storedFrameworks(db, r.rows.map((x) => x.id))).values()];
}

// ---- the stored plan in the public shape, for the differences a revised document makes

/** A stored plan read into the public JSON shape (findings empty), to compare a revised document with. */
export async function storedPlanJson(db: Queryable, planId: string): Promise<ImportJson | null> {
  const plan = await getPlan(db, planId);
  if (!plan) return null;
  const frameworks: ImportJson['frameworks'] = [];
  for (const fwId of plan.frameworks) {
    const f = await loadFramework(db, fwId);
    if (!f) continue;
    // the region's document figures the plan sees: its own first, then another plan's for the same indicator and
    // year (which stood when this plan landed: a region's figure is one fact)
    const obs = await db.query<{ indicator_id: number; part: string; year: number; printed: string }>(
      `SELECT DISTINCT ON (indicator_id, part, year) indicator_id, part, year, printed FROM observations
        WHERE region_id = $1 AND indicator_id = ANY($2::int[]) AND origin = 'document'
        ORDER BY indicator_id, part, year, (plan_id = $3) DESC`,
      [plan.regionId, [...f.indicatorIds.values()], planId],
    );
    const targets = await db.query<{ indicator_id: number; part: string; year: number; printed: string }>('SELECT indicator_id, part, year, printed FROM targets WHERE plan_id = $1 ORDER BY year', [planId]);
    const leads = await db.query<{ indicator_id: number; part: string; name: string }>(
      'SELECT l.indicator_id, l.part, u.name FROM lead_units l JOIN units u ON u.id = l.unit_id WHERE l.plan_id = $1 ORDER BY l.position',
      [planId],
    );
    const framework = (await db.query<{ name: string; builtin: boolean }>('SELECT name, builtin FROM frameworks WHERE id = $1', [fwId])).rows[0]!;
    const indicators: ImportJson['frameworks'][number]['indicators'] = [];
    for (const item of f.def.indicators) {
      const iid = f.indicatorIds.get(item.number)!;
      const parts = item.parts ? item.parts.map((p) => ({ part: p.name as string | null, unit: p.unit ?? item.unit })) : [{ part: null, unit: item.unit }];
      for (const leaf of parts) {
        const part = leaf.part ?? '';
        const mine = <T extends { indicator_id: number; part: string }>(rows: T[]) => rows.filter((r) => r.indicator_id === iid && r.part === part);
        const o = mine(obs.rows);
        const base = o.find((x) => x.year === plan.baseYear) ?? o[0];
        indicators.push({
          number: item.number,
          part: leaf.part,
          name: item.name,
          unit: leaf.unit ?? null,
          attribute: (item as { attribute?: string }).attribute ?? null,
          baseline: base ? { year: base.year, printed: base.printed } : null,
          targets: mine(targets.rows).map((x) => ({ year: x.year, printed: x.printed })),
          leadUnits: mine(leads.rows).map((x) => x.name),
          source: null,
        });
      }
    }
    frameworks.push({ id: fwId, name: framework.name, matched: framework.builtin ? fwId : null, indicators });
  }
  const projects = await db.query<{ number: number | null; group_name: string; name: string; investment_wan: string | null; years_printed: string | null; lead_units: string[]; source: { line: number } | null }>(
    'SELECT number, group_name, name, investment_wan, years_printed, lead_units, source FROM projects WHERE plan_id = $1 ORDER BY position',
    [planId],
  );
  const tasks: ImportJson['tasks'] = [];
  const heading = (n: TaskRow) => `${n.number ?? ''} ${n.title ?? ''}`.trim();
  const walk = (n: TaskRow, chapter: string, section: string | null) => {
    for (const c of n.tasks) {
      if (c.kind === 'clause') tasks.push({ chapter, section, text: c.text ?? '', figures: [], source: { line: c.source?.line ?? 0 } });
    }
    for (const c of n.tasks) if (c.kind === 'heading') walk(c, chapter, heading(c));
  };
  for (const top of await loadTasks(db, planId)) walk(top, heading(top), null);
  return {
    plan: { title: plan.title, region: plan.region, periodStart: plan.periodStart, periodEnd: plan.periodEnd, baseYear: plan.baseYear, targetYears: plan.targetYears },
    frameworks,
    projects: projects.rows.map((p) => ({
      number: p.number,
      group: p.group_name,
      name: p.name,
      investmentWan: p.investment_wan === null ? null : Number(p.investment_wan),
      period: p.years_printed,
      leadUnit: p.lead_units.length > 0 ? p.lead_units.join('、') : null,
      source: { line: p.source?.line ?? 0 },
    })),
    statedProjectTotals: null,
    tasks,
    findings: [],
  };
}

/** What accepting this import would change in the plan it replaces; null when it lands as a new plan. */
export async function planImportDifferences(db: Queryable, id: number, actor: Actor): Promise<Difference[] | null> {
  const rec = await getPlanImport(db, id, actor);
  if (!rec.replaces) return null;
  const stored = await storedPlanJson(db, rec.replaces.id);
  return stored ? planDifferences(stored, toImportJson(rec.extracted)) : null;
}

// ---- acceptance

export interface AcceptChoice {
  /** an existing region the plan belongs to, when the document names none the store has */
  region?: string;
  /** a new district or county to create, under an existing region */
  newRegion?: { name: string; parent: string };
}

export interface Accepted {
  planId: string;
  title: string;
  region: string;
  replaced: boolean;
  frameworks: number;
  indicators: number;
  projects: number;
  investmentWan: number;
  tasks: number;
  /** document figures not stored: the region already holds a figure for that indicator and year, which stands */
  keptFigures: number;
}

/** Keys of the rows people's entries point at, before a replaced plan's document rows go. */
async function keysBefore(tx: Queryable, planId: string) {
  const projects = await tx.query<{ key: string; name: string }>('SELECT key, name FROM projects WHERE plan_id = $1', [planId]);
  const tasks = await tx.query<{ key: string; number: string | null; title: string | null; text: string | null; kind: string }>('SELECT key, number, title, text, kind FROM tasks WHERE plan_id = $1', [planId]);
  return { projects: projects.rows, tasks: tasks.rows };
}

/**
 * After a replaced plan's rows are loaded again: progress, changes and work items keep pointing at the same
 * project (by its name) and task (by its heading or text) where the revised document numbers or places them anew.
 */
async function carryKeys(tx: Queryable, planId: string, before: Awaited<ReturnType<typeof keysBefore>>): Promise<{ projects: number; tasks: number }> {
  const after = await keysBefore(tx, planId);
  const projectMoves = new Map<string, string>();
  const newByName = new Map(after.projects.map((p) => [p.name, p.key]));
  for (const p of before.projects) {
    const k = newByName.get(p.name);
    if (k !== undefined && k !== p.key) projectMoves.set(p.key, k);
  }
  const taskId = (x: { kind: string; number: string | null; title: string | null; text: string | null }) => (x.kind === 'heading' ? `h|${x.number ?? ''}|${x.title ?? ''}` : `c|${x.text ?? ''}`);
  const newTask = new Map(after.tasks.map((x) => [taskId(x), x.key]));
  const taskMoves = new Map<string, string>();
  for (const x of before.tasks) {
    const k = newTask.get(taskId(x));
    if (k !== undefined && k !== x.key) taskMoves.set(x.key, k);
  }
  // two steps, so that keys exchanged between rows never meet in the unique index
  for (const [from] of projectMoves) {
    for (const table of ['project_progress', 'project_changes']) await tx.query(`UPDATE ${table} SET project_key = $3 WHERE plan_id = $1 AND project_key = $2`, [planId, from, `\u0001${from}`]);
  }
  for (const [from, to] of projectMoves) {
    for (const table of ['project_progress', 'project_changes']) await tx.query(`UPDATE ${table} SET project_key = $3 WHERE plan_id = $1 AND project_key = $2`, [planId, `\u0001${from}`, to]);
  }
  for (const [from] of taskMoves) await tx.query('UPDATE work_items SET task_key = $3 WHERE plan_id = $1 AND task_key = $2', [planId, from, `\u0001${from}`]);
  for (const [from, to] of taskMoves) await tx.query('UPDATE work_items SET task_key = $3 WHERE plan_id = $1 AND task_key = $2', [planId, `\u0001${from}`, to]);
  return { projects: projectMoves.size, tasks: taskMoves.size };
}

/** Land the import's plan, whole, in one transaction, audited; or refuse with every problem and store nothing. */
export async function acceptPlanImport(db: Db, id: number, choice: AcceptChoice, actor: Actor): Promise<Accepted> {
  await requireOfficeSomewhere(actor);
  return db.transaction(async (tx) => {
    const row = await loadRow(tx, id, actor, true);
    pending(row);
    let x = structuredClone(row.edited ?? row.extracted);
    // the region: the document's, one named, or one created under a parent
    let regionName = choice.newRegion ? choice.newRegion.name.trim() : (choice.region ?? '').trim() || x.plan.region;
    let regionId = choice.newRegion ? null : await regionIdByName(tx, regionName);
    if (choice.newRegion) {
      const parent = choice.newRegion.parent.trim();
      const parentId = await regionIdByName(tx, parent);
      if (!regionName) throw new PlanImportError(t('planImport.error.newRegionName'), 'unknownRegion');
      if (parentId === null) throw new PlanImportError(t('planImport.error.unknownParent', { region: parent }), 'unknownRegion');
      if ((await regionIdByName(tx, regionName)) !== null) throw new PlanImportError(t('planImport.error.regionExists', { region: regionName }), 'unknownRegion');
      if (!(await mayAct(tx, actor, parentId, null))) throw new ForbiddenError(t('planImport.error.region', { region: parent }));
      const r = await tx.query<{ id: number }>('INSERT INTO regions (name, parent_id, level, coastal) VALUES ($1, $2, $3, false) RETURNING id', [regionName, parentId, COUNTY_LEVEL]);
      regionId = r.rows[0]!.id;
      await writeAudit(tx, actor, { action: 'region.create', entity: 'region', entityId: regionId, regionId, after: { name: regionName, parent, level: COUNTY_LEVEL } });
    }
    if (regionId === null) {
      throw new PlanImportError(regionName ? t('planImport.error.unknownRegion', { region: regionName }) : t('planImport.error.noRegion'), 'unknownRegion');
    }
    if (!(await mayAct(tx, actor, regionId, null))) throw new ForbiddenError(t('planImport.error.region', { region: regionName }));
    regionName = (await tx.query<{ name: string }>('SELECT name FROM regions WHERE id = $1', [regionId])).rows[0]!.name;
    x.plan.region = regionName;
    // a plan of this title in that region is the one a revised document replaces
    const replaces = await planToReplace(tx, x.plan.title, regionId);
    x = await settle(tx, x, replaces);
    const builtin = await storedFrameworks(tx, x.frameworks.flatMap((f) => (f.matched ? [f.matched] : [])));
    const problems = importProblems(x, builtin);
    if (problems.length > 0) throw new PlanImportError(t('planImport.error.invalid', { n: problems.length, first: problems[0]! }), 'invalid', problems);

    const own = x.frameworks.filter((f) => !f.matched).map((f) => f.framework);
    const indicatorIds = await loadFrameworks(tx, own, false);
    for (const fw of builtin.values()) {
      const r = await tx.query<{ id: number; number: string }>('SELECT id, number FROM indicators WHERE framework_id = $1', [fw.id]);
      for (const i of r.rows) indicatorIds.set(`${fw.id}:${i.number}`, i.id);
    }
    await tx.query(`INSERT INTO documents (id, file, title) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET file = EXCLUDED.file, title = EXCLUDED.title`, [x.plan.document.id, x.plan.document.file, x.plan.document.title]);
    const before = replaces ? await keysBefore(tx, replaces) : null;
    const loaded: LoadedPlan = {
      plan: x.plan,
      indicatorData: x.frameworks.map((f) => f.data),
      ...(x.projects ? { projects: x.projects } : {}),
      ...(x.tasks ? { tasks: x.tasks } : {}),
      confirmations: [],
    };
    const { keptFigures } = await loadPlanRows(tx, loaded, { regionId, frameworks: [...own, ...builtin.values()], indicatorIds, builtin: false });
    const carried = before ? await carryKeys(tx, x.plan.id, before) : { projects: 0, tasks: 0 };
    await tx.query('UPDATE plan_imports SET status = $2, plan_id = $3, decided_by = $4, decided_at = now(), region_id = $5, edited = $6::jsonb WHERE id = $1', [id, 'accepted', x.plan.id, actor.name, regionId, json(x)]);
    const counts = importCounts(x);
    const result: Accepted = {
      planId: x.plan.id,
      title: x.plan.title,
      region: regionName,
      replaced: replaces !== null,
      frameworks: counts.frameworks,
      indicators: counts.indicators,
      projects: counts.projects,
      investmentWan: counts.investmentWan,
      tasks: counts.tasks,
      keptFigures: keptFigures.length,
    };
    await writeAudit(tx, actor, {
      action: replaces ? 'planImport.replace' : 'planImport.accept',
      entity: 'plan',
      entityId: x.plan.id,
      planId: x.plan.id,
      regionId,
      after: {
        summary: t(replaces ? 'planImport.audit.replaced' : 'planImport.audit.accepted', { file: row.file_name, title: result.title, region: result.region, indicators: result.indicators, projects: result.projects, tasks: result.tasks }),
        ...result,
        file: row.file_name,
        import: id,
        keptProgressMoved: carried.projects,
        keptWorkItemsMoved: carried.tasks,
      },
    });
    return result;
  });
}
