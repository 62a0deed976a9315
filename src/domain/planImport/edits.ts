// A reviewer's corrections to an extraction before it is accepted: a list of field edits, each naming one
// field of the plan, an indicator, a project or a task clause as the review page shows them, and the value
// typed. Applied to the ExtractedPlan (a copy); a value that cannot stand is refused in the plan office's
// words, naming the value and what was expected. Pure.
import type { TaskNode } from '../../data/schema.ts';
import { t } from '../../i18n/index.ts';
import { LIMITS, yearInRange, amountInRange } from '../limits.ts';
import type { ExtractedPlan } from './types.ts';

export const PLAN_FIELDS = ['title', 'region', 'periodStart', 'periodEnd', 'baseYear', 'targetYears'] as const;
export const INDICATOR_FIELDS = ['name', 'unit', 'baseline', 'target', 'leadUnits'] as const;
export const PROJECT_FIELDS = ['name', 'group', 'investmentWan', 'period', 'leadUnit'] as const;
export const TASK_FIELDS = ['text'] as const;

export type FieldEdit =
  | { kind: 'planField'; field: (typeof PLAN_FIELDS)[number]; value: string }
  /** framework: the id the import shows (the matched built-in one's, or the plan's own); target: with its year */
  | { kind: 'indicator'; framework: string; number: string; part?: string | null; field: (typeof INDICATOR_FIELDS)[number]; year?: number; value: string }
  /** index: the project's place in the list (0-based, as the import lists them) */
  | { kind: 'project'; index: number; field: (typeof PROJECT_FIELDS)[number]; value: string }
  /** index: the clause's place among the task clauses (0-based, document order) */
  | { kind: 'task'; index: number; field: (typeof TASK_FIELDS)[number]; value: string };

/** An edit that cannot be applied: its message says which and why. */
export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

const fail = (key: string, params: Record<string, string | number> = {}): never => {
  throw new EditError(t(key, params));
};

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Read the edits a caller sent: a list of at most LIMITS.listEntries well-formed edits, or an EditError naming the first that is not. */
export function readEdits(raw: unknown): FieldEdit[] {
  if (!Array.isArray(raw) || raw.length === 0) fail('planImport.edit.noEdits');
  const list = raw as unknown[];
  if (list.length > LIMITS.listEntries) fail('planImport.edit.tooMany', { n: list.length, max: LIMITS.listEntries });
  return list.map((e, i) => {
    const n = i + 1;
    if (!isObject(e)) return fail('planImport.edit.shape', { n });
    if (typeof e.value !== 'string') return fail('planImport.edit.value', { n });
    if (e.value.length > LIMITS.textChars) fail('planImport.edit.long', { n, max: LIMITS.textChars });
    const field = String(e.field ?? '');
    const index = (): number => (typeof e.index === 'number' && Number.isInteger(e.index) && e.index >= 0 ? e.index : fail('planImport.edit.shape', { n }));
    switch (e.kind) {
      case 'planField':
        if (!(PLAN_FIELDS as readonly string[]).includes(field)) fail('planImport.edit.field', { n, field: field.slice(0, 40) });
        return { kind: 'planField', field: field as (typeof PLAN_FIELDS)[number], value: e.value };
      case 'indicator': {
        if (!(INDICATOR_FIELDS as readonly string[]).includes(field)) fail('planImport.edit.field', { n, field: field.slice(0, 40) });
        if (typeof e.framework !== 'string' || typeof e.number !== 'string') return fail('planImport.edit.shape', { n });
        if (e.part !== undefined && e.part !== null && typeof e.part !== 'string') return fail('planImport.edit.shape', { n });
        if (field === 'target' && !(typeof e.year === 'number' && yearInRange(e.year))) fail('planImport.edit.year', { n, value: String(e.year ?? '').slice(0, 20), min: LIMITS.minYear, max: LIMITS.maxYear });
        return {
          kind: 'indicator',
          framework: e.framework,
          number: e.number,
          ...(typeof e.part === 'string' ? { part: e.part } : {}),
          field: field as (typeof INDICATOR_FIELDS)[number],
          ...(typeof e.year === 'number' ? { year: e.year } : {}),
          value: e.value,
        };
      }
      case 'project':
        if (!(PROJECT_FIELDS as readonly string[]).includes(field)) fail('planImport.edit.field', { n, field: field.slice(0, 40) });
        return { kind: 'project', index: index(), field: field as (typeof PROJECT_FIELDS)[number], value: e.value };
      case 'task':
        if (!(TASK_FIELDS as readonly string[]).includes(field)) fail('planImport.edit.field', { n, field: field.slice(0, 40) });
        return { kind: 'task', index: index(), field: 'text', value: e.value };
      default:
        return fail('planImport.edit.kind', { n, value: String(e.kind ?? '').slice(0, 40) });
    }
  });
}

const year = (v: string, what: string): number => {
  const s = v.trim().replace(/年$/, '');
  if (!/^\d{4}$/.test(s) || !yearInRange(Number(s))) fail('planImport.edit.badYear', { what, value: v, min: LIMITS.minYear, max: LIMITS.maxYear });
  return Number(s);
};

const nonEmpty = (v: string, what: string): string => {
  const s = v.trim();
  if (!s) fail('planImport.edit.empty', { what });
  return s;
};

/** The unit list as typed: names separated by 、，, or ; */
const names = (v: string): string[] => v.split(/[、，,;；]/).map((s) => s.trim()).filter(Boolean);

/** The clauses in the order the import lists them (toImportJson): each top task's clauses, then its sub-tasks'. */
function clausesInOrder(tasks: TaskNode[]): Array<NonNullable<TaskNode['clauses']>[number]> {
  const out: Array<NonNullable<TaskNode['clauses']>[number]> = [];
  const walk = (n: TaskNode) => {
    for (const c of n.clauses ?? []) out.push(c);
    for (const child of n.tasks ?? []) walk(child);
  };
  for (const top of tasks) walk(top);
  return out;
}

/** The extraction with the edits applied, in order (a copy; the argument is not changed). */
export function applyEdits(x: ExtractedPlan, edits: FieldEdit[]): ExtractedPlan {
  const y = structuredClone(x);
  for (const e of edits) {
    switch (e.kind) {
      case 'planField': {
        const p = y.plan;
        const what = t(`planImport.label.${e.field}`);
        if (e.field === 'title') p.title = nonEmpty(e.value, what);
        else if (e.field === 'region') p.region = nonEmpty(e.value, what);
        else if (e.field === 'periodStart') p.period = { ...p.period, start: year(e.value, what) };
        else if (e.field === 'periodEnd') p.period = { ...p.period, end: year(e.value, what) };
        else if (e.field === 'baseYear') {
          if (e.value.trim() === '') delete p.baseYear;
          else p.baseYear = year(e.value, what);
        } else p.targetYears = [...new Set(e.value.split(/[、，,\s]+/).filter(Boolean).map((s) => year(s, what)))].sort((a, b) => a - b);
        if (e.field === 'title') p.document = { ...p.document, title: p.title };
        break;
      }
      case 'indicator': {
        const f = y.frameworks.find((fw) => (fw.matched ?? fw.framework.id) === e.framework);
        const label = `${e.number}${e.part ? ` ${e.part}` : ''}`;
        if (!f) return fail('planImport.edit.noFramework', { value: e.framework.slice(0, 60) });
        const item = f.framework.indicators.find((i) => i.number === e.number);
        if (!item) return fail('planImport.edit.noIndicator', { framework: f.framework.name, number: label });
        const part = e.part ?? undefined;
        if (part !== undefined && !item.parts?.some((p) => p.name === part)) return fail('planImport.edit.noIndicator', { framework: f.framework.name, number: label });
        if (e.field === 'name' || e.field === 'unit') {
          if (f.matched) fail('planImport.edit.builtinItem', { framework: f.framework.name, number: label });
          if (e.field === 'name') item.name = nonEmpty(e.value, t('planImport.label.indicatorName'));
          else {
            const target = part !== undefined ? item.parts!.find((p) => p.name === part)! : item;
            if (e.value.trim() === '') delete target.unit;
            else target.unit = e.value.trim();
          }
          break;
        }
        let entry = f.data.entries.find((en) => en.number === e.number && (en.part ?? undefined) === part);
        if (!entry) {
          entry = { number: e.number, ...(part !== undefined ? { part } : {}) };
          f.data.entries.push(entry);
        }
        if (e.field === 'leadUnits') entry.leadUnits = names(e.value);
        else if (e.field === 'baseline') {
          const obs = (entry.observations ??= []);
          const baseYear = y.plan.baseYear;
          const at = obs.find((o) => o.year === baseYear) ?? obs[0];
          const value = e.value.trim();
          if (at) {
            if (value === '') obs.splice(obs.indexOf(at), 1);
            else at.printed = value;
          } else if (value !== '') {
            if (baseYear === undefined) fail('planImport.edit.noBaseYear', { number: label });
            obs.push({ year: baseYear!, printed: value });
          }
        } else {
          const targets = (entry.targets ??= []);
          const at = targets.find((tg) => tg.year === e.year);
          const value = e.value.trim();
          if (at) {
            if (value === '') targets.splice(targets.indexOf(at), 1);
            else at.printed = value;
          } else if (value !== '') {
            targets.push({ year: e.year!, printed: value });
            targets.sort((a, b) => a.year - b.year);
          }
        }
        break;
      }
      case 'project': {
        const list = y.projects?.projects ?? [];
        const pr = list[e.index];
        if (!pr) return fail('planImport.edit.noProject', { n: e.index + 1, count: list.length });
        if (e.field === 'name') pr.name = nonEmpty(e.value, t('planImport.label.projectName'));
        else if (e.field === 'group') {
          const g = nonEmpty(e.value, t('planImport.label.group'));
          if (!y.projects!.groups.some((x) => x.name === g)) y.projects!.groups.push({ number: y.projects!.groups.length + 1, name: g });
          pr.group = g;
        } else if (e.field === 'investmentWan') {
          const s = e.value.trim().replace(/万元$/, '');
          if (s === '') pr.investmentWan = null;
          else {
            const n = Number(s.replace(/,/g, ''));
            if (!/^\d[\d,]*(\.\d+)?$/.test(s) || !amountInRange(n)) fail('planImport.edit.amount', { value: e.value, max: LIMITS.maxAmountWan.toLocaleString('en-US') });
            pr.investmentWan = n;
            pr.investmentPrinted = s;
          }
        } else if (e.field === 'period') {
          const s = e.value.trim();
          if (s === '') delete pr.years;
          else {
            const ys = [...s.matchAll(/\d{4}/g)].map((m) => Number(m[0]));
            if (ys.length === 0 || !ys.every(yearInRange)) fail('planImport.edit.period', { value: e.value });
            pr.years = { printed: s, start: ys[0]!, end: ys[ys.length - 1]! };
          }
        } else pr.leadUnits = names(e.value);
        break;
      }
      case 'task': {
        const clauses = clausesInOrder(y.tasks?.tasks ?? []);
        const c = clauses[e.index];
        if (!c) return fail('planImport.edit.noTask', { n: e.index + 1, count: clauses.length });
        c.text = nonEmpty(e.value, t('planImport.label.taskText'));
        break;
      }
    }
  }
  return y;
}
