// Load and validate the built-in data files. Every problem is collected and reported together;
// any problem stops the load (nothing half-loaded).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { zhCN } from 'zod/locales';

// Schema problems are for the people who edit the data files: in Chinese.
z.config(zhCN());
import { leafContexts, leafKey, validateFrameworkPhrases, type FrameworkDef } from '../domain/assess.ts';
import { parseRequirement, parseValue, PhraseError } from '../domain/phrase.ts';
import { t } from '../i18n/index.ts';
import { DataError, DEFAULT_DATA_DIR, phraseMessage, type DataProblem } from './problems.ts';
import {
  confirmationsFileSchema,
  frameworkFileSchema,
  indicatorDataFileSchema,
  planFileSchema,
  projectsFileSchema,
  regionsFileSchema,
  tasksFileSchema,
  type ConfirmationsFile,
  type FrameworkFile,
  type IndicatorDataFile,
  type PlanFile,
  type ProjectsFile,
  type RegionsFile,
  type TasksFile,
} from './schema.ts';

export { DataError, DEFAULT_DATA_DIR, phraseMessage, type DataProblem } from './problems.ts';

export interface LoadedPlan {
  plan: PlanFile;
  indicatorData: IndicatorDataFile[];
  projects?: ProjectsFile;
  tasks?: TasksFile;
  confirmations: ConfirmationsFile;
}

export interface Catalog {
  regions: RegionsFile['regions'];
  frameworks: FrameworkFile[];
  plans: LoadedPlan[];
}

/** Framework files as the engine reads them. */
export function frameworkDef(f: FrameworkFile): FrameworkDef {
  return f as unknown as FrameworkDef;
}

export function loadCatalog(dir: string = DEFAULT_DATA_DIR): Catalog {
  const problems: DataProblem[] = [];
  const rel = (f: string) => relative(dir, f) || f;

  function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'), { uniqueKeys: true });
    } catch (e) {
      problems.push({ file: rel(file), path: '', message: t('data.error.yaml', { detail: (e as Error).message }) });
      return undefined;
    }
    const r = schema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        problems.push({ file: rel(file), path: issue.path.join('.'), message: issue.message });
      }
      return undefined;
    }
    return r.data;
  }

  const regionsFile = read(join(dir, 'regions.yaml'), regionsFileSchema);
  const regions = regionsFile?.regions ?? [];
  const regionNames = new Set(regions.map((r) => r.name));
  for (const r of regions) {
    if (r.parent && !regionNames.has(r.parent))
      problems.push({ file: 'regions.yaml', path: r.name, message: t('data.error.parentRegion', { parent: String(r.parent) }) });
  }

  const frameworks: FrameworkFile[] = [];
  const fwDir = join(dir, 'frameworks');
  for (const name of listYaml(fwDir)) {
    const file = join(fwDir, name);
    const f = read(file, frameworkFileSchema);
    if (!f) continue;
    if (`${f.id}.yaml` !== name) problems.push({ file: rel(file), path: 'id', message: t('data.error.idFileName', { id: f.id }) });
    checkUniqueItems(f, rel(file), problems);
    for (const e of validateFrameworkPhrases(frameworkDef(f))) problems.push({ file: rel(file), path: '', message: phraseMessage(e) });
    frameworks.push(f);
  }
  const fwById = new Map(frameworks.map((f) => [f.id, f]));
  // Framework files that exist but failed validation: already reported, so not "missing" as well.
  const invalidFrameworks = new Set(listYaml(fwDir).map((n) => n.replace(/\.yaml$/, '')).filter((id) => !fwById.has(id)));

  const plans: LoadedPlan[] = [];
  const plansDir = join(dir, 'plans');
  for (const id of existsSync(plansDir) ? readdirSync(plansDir).sort() : []) {
    const planDir = join(plansDir, id);
    const readPlan = read(join(planDir, 'plan.yaml'), planFileSchema);
    // An invalid plan.yaml is reported; its other files are still checked, so nothing hides behind it.
    const plan = readPlan ?? fallbackPlan(id, planDir, fwById);
    const pfile = rel(join(planDir, 'plan.yaml'));
    if (plan.id !== id) problems.push({ file: pfile, path: 'id', message: t('data.error.idDirName', { id: plan.id, dir: id }) });
    if (readPlan && !regionNames.has(plan.region) && regionsFile) problems.push({ file: pfile, path: 'region', message: t('data.error.region', { region: plan.region }) });
    const indicatorData: IndicatorDataFile[] = [];
    for (const fwId of plan.frameworks) {
      const fw = fwById.get(fwId);
      if (!fw) {
        if (!invalidFrameworks.has(fwId)) problems.push({ file: pfile, path: 'frameworks', message: t('data.error.framework', { framework: fwId }) });
        continue;
      }
      const dataFile = join(planDir, `${fwId}.yaml`);
      if (!existsSync(dataFile)) continue;
      const data = read(dataFile, indicatorDataFileSchema);
      if (!data) continue;
      checkIndicatorData(data, fw, plan, rel(dataFile), problems);
      indicatorData.push(data);
    }
    for (const s of plan.statedSummaries ?? []) {
      if (!plan.frameworks.includes(s.framework))
        problems.push({ file: pfile, path: 'statedSummaries', message: t('data.error.frameworkNotInPlan', { framework: s.framework }) });
    }
    (plan.statements ?? []).forEach((s, i) => {
      if (s.itemCounts && !plan.frameworks.includes(s.itemCounts.framework))
        problems.push({ file: pfile, path: `statements.${i}.itemCounts.framework`, message: t('data.error.frameworkNotInPlan', { framework: s.itemCounts.framework }) });
    });
    const loaded: LoadedPlan = { plan, indicatorData, confirmations: [] };
    const projectsFile = join(planDir, 'projects.yaml');
    if (existsSync(projectsFile)) {
      const projects = read(projectsFile, projectsFileSchema);
      if (projects) {
        const groups = new Set(projects.groups.map((g) => g.name));
        projects.projects.forEach((p, i) => {
          if (!groups.has(p.group))
            problems.push({ file: rel(projectsFile), path: `projects.${i}.group`, message: t('data.error.group', { group: p.group }) });
        });
        loaded.projects = projects;
      }
    }
    const tasksFile = join(planDir, 'tasks.yaml');
    if (existsSync(tasksFile)) {
      const tasks = read(tasksFile, tasksFileSchema);
      if (tasks) {
        if (tasks.plan !== plan.id) problems.push({ file: rel(tasksFile), path: 'plan', message: t('data.error.shouldBe', { value: plan.id }) });
        loaded.tasks = tasks;
      }
    }
    const confFile = join(planDir, 'confirmations.yaml');
    if (existsSync(confFile)) {
      const conf = read(confFile, confirmationsFileSchema);
      if (conf) {
        conf.forEach((c, i) => {
          const fw = fwById.get(c.framework);
          if (!fw && invalidFrameworks.has(c.framework)) return;
          if (!fw || !fw.indicators.some((it) => it.number === c.number))
            problems.push({ file: rel(confFile), path: String(i), message: t('error.unknownIndicator', { framework: c.framework, number: c.number, part: '' }) });
        });
        loaded.confirmations = conf;
      }
    }
    if (readPlan) plans.push(loaded);
  }
  if (problems.length > 0) throw new DataError(problems);
  return { regions, frameworks, plans };
}

/** Enough of a plan to check its other files when its plan.yaml is invalid. */
function fallbackPlan(id: string, planDir: string, frameworks: Map<string, FrameworkFile>): PlanFile {
  const present = [...frameworks.keys()].filter((fw) => existsSync(join(planDir, `${fw}.yaml`)));
  return { id, title: id, region: '', period: { start: 0, end: 0 }, targetYears: [0], document: { id: '', file: '', title: '' }, frameworks: present };
}

function listYaml(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];
}

function checkUniqueItems(f: FrameworkFile, file: string, problems: DataProblem[]): void {
  const seen = new Set<string>();
  for (const item of f.indicators) {
    if (seen.has(item.number)) problems.push({ file, path: `indicators.${item.number}`, message: t('data.error.duplicateNumber', { number: item.number }) });
    seen.add(item.number);
    if (item.parts && (item.requirement !== undefined || item.variants))
      problems.push({ file, path: `indicators.${item.number}`, message: t('data.error.partsAndRequirement') });
  }
}

/** Entries must name real items/parts, once each; values and targets must read; no year twice. */
function checkIndicatorData(
  data: IndicatorDataFile,
  fw: FrameworkFile,
  plan: PlanFile,
  file: string,
  problems: DataProblem[],
): void {
  if (data.plan !== plan.id) problems.push({ file, path: 'plan', message: t('data.error.shouldBe', { value: plan.id }) });
  if (data.framework !== fw.id) problems.push({ file, path: 'framework', message: t('data.error.shouldBe', { value: fw.id }) });
  const leaves = leafContexts(frameworkDef(fw));
  const seen = new Set<string>();
  data.entries.forEach((entry, i) => {
    const key = leafKey(entry.number, entry.part);
    const path = t('data.entryPath', { path: `entries.${i}`, number: entry.number, part: entry.part ? ` ${entry.part}` : '' });
    const leaf = leaves.get(key);
    if (!leaf) {
      problems.push({ file, path, message: t('error.unknownIndicator', { framework: fw.id, number: entry.number, part: entry.part ? ` “${entry.part}”` : '' }) });
      return;
    }
    if (seen.has(key)) problems.push({ file, path, message: t('data.error.duplicateEntry') });
    seen.add(key);
    const ctx = leaf;
    const label = leaf.label;
    const years = new Map<number, string>();
    for (const o of entry.observations ?? []) {
      const existing = years.get(o.year);
      if (existing !== undefined) {
        problems.push({ file, path, message: t('error.duplicateObservation', { label, year: o.year, existing, printed: o.printed }) });
      }
      years.set(o.year, o.printed);
      for (const text of [o.printed, ...(o.correction ? [o.correction.printed] : [])]) {
        try {
          parseValue(text, ctx);
        } catch (e) {
          if (e instanceof PhraseError) problems.push({ file, path, message: phraseMessage(e) });
          else throw e;
        }
      }
    }
    for (const target of entry.targets ?? []) {
      try {
        parseRequirement(target.printed, ctx);
      } catch (e) {
        if (e instanceof PhraseError) problems.push({ file, path, message: phraseMessage(e) });
        else throw e;
      }
    }
  });
}
