// `ecociv import plan FILE [--dry-run] [--format json] [--region NAME] [--parent NAME]`: read a plan document.
// --dry-run prints what was found (counts, projects and investment as plans print them, task clauses, what needs
// attention with its place) and stores nothing; --format json prints the public JSON (toImportJson) exactly.
// Without --dry-run the plan lands (accepted at once, as the plan office accepts it on the web) and the command
// says what landed; a refusal keeps the import pending for the 规划导入 page and says so. Progress on stderr.
// Loaded only for this command (it brings the extraction and the schemas).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cannotRead, readPlan } from '../app/planImport.ts';
import { cliActor } from '../auth/roles.ts';
import { toImportJson, type ImportJson } from '../domain/planImport/json.ts';
import type { ExtractedPlan } from '../domain/planImport/types.ts';
import { LIMITS } from '../domain/limits.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Db } from '../store/db.ts';
import { openStore, storeOptionsFromEnv } from '../store/index.ts';
import { DataDirBusyError } from '../store/dirLock.ts';
import { ForbiddenError } from '../store/access.ts';
import { NotFoundError } from '../store/errors.ts';
import { acceptPlanImport, createPlanImport, PlanImportError } from '../store/planImports.ts';
import { userPath, type CliIo } from './io.ts';
import { forwardToServer } from './remote.ts';

/** 万元 as plans print them: 亿元 from 10,000 万元 on (82.9 亿元), else 万元 (3,250 万元). */
export function amountText(wan: number, locale: Locale = 'zh-CN'): string {
  if (Math.abs(wan) >= 10_000) return t('planImport.cli.yi', { n: (Math.round(wan / 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 }) }, locale);
  return t('planImport.cli.wan', { n: wan.toLocaleString('en-US', { maximumFractionDigits: 2 }) }, locale);
}

/** A place in the document as the plan office reads it: 表N 第R行, or 第N行. */
export function placeText(s: ImportJson['findings'][number]['source'], locale: Locale = 'zh-CN'): string {
  if (!s) return '';
  if (s.table !== undefined && s.row !== undefined) return t('planImport.cli.cellPlace', { table: s.table, row: s.row }, locale);
  return t('planImport.cli.linePlace', { line: s.line }, locale);
}

/** The readable summary of an extraction (the dry run's output). */
export function extractionSummary(x: ExtractedPlan, lineCount: number, locale: Locale = 'zh-CN'): string {
  const j = toImportJson(x);
  const p = j.plan;
  const none = t('planImport.cli.none', {}, locale);
  const out: string[] = [];
  out.push(t('planImport.cli.title', { title: p.title, region: p.region ?? none }, locale));
  out.push(
    t('planImport.cli.years', {
      period: p.periodStart === null ? none : `${p.periodStart}—${p.periodEnd}`,
      base: p.baseYear ?? none,
      targets: p.targetYears.length ? p.targetYears.join('、') : none,
    }, locale),
  );
  out.push(t('planImport.cli.document', { file: x.document.name, lines: lineCount }, locale));
  out.push('');
  out.push(t('planImport.cli.frameworks', { n: j.frameworks.length, items: j.frameworks.reduce((n, f) => n + f.indicators.length, 0) }, locale));
  for (const f of j.frameworks) {
    const targets = f.indicators.filter((i) => i.targets.length > 0).length;
    const baselines = f.indicators.filter((i) => i.baseline).length;
    out.push(`  · ${t(f.matched ? 'planImport.cli.frameworkMatched' : 'planImport.cli.frameworkOwn', { name: f.name, n: f.indicators.length, baselines, targets }, locale)}`);
  }
  const sum = j.projects.reduce((n, q) => n + (q.investmentWan ?? 0), 0);
  out.push(t('planImport.cli.projects', { n: j.projects.length, amount: amountText(sum, locale) }, locale));
  const st = j.statedProjectTotals;
  if (st) {
    out.push(`  ${t('planImport.cli.stated', { n: st.count, amount: st.investmentWan === null ? none : amountText(st.investmentWan, locale) }, locale)}`);
    const groups = new Map<string, { n: number; wan: number }>();
    for (const q of j.projects) {
      const g = groups.get(q.group) ?? { n: 0, wan: 0 };
      g.n += 1;
      g.wan += q.investmentWan ?? 0;
      groups.set(q.group, g);
    }
    for (const [name, g] of groups) {
      const stated = st.groups.find((x) => x.name === name);
      out.push(`  · ${t('planImport.cli.group', { name, n: g.n, amount: amountText(g.wan, locale) }, locale)}${stated ? t('planImport.cli.groupStated', { n: stated.count, amount: stated.investmentWan === null ? none : amountText(stated.investmentWan, locale) }, locale) : ''}`);
    }
  }
  const chapters = new Set(j.tasks.map((tk) => tk.chapter)).size;
  out.push(t('planImport.cli.tasks', { n: j.tasks.length, chapters, figures: j.tasks.reduce((n, tk) => n + tk.figures.length, 0) }, locale));
  out.push('');
  if (j.findings.length === 0) out.push(t('planImport.cli.noFindings', {}, locale));
  else {
    out.push(t('planImport.cli.findings', { n: j.findings.length }, locale));
    for (const f of j.findings) {
      const where = placeText(f.source, locale);
      out.push(`  · ${where ? `${where}：` : ''}${f.message}`);
    }
  }
  return out.join('\n');
}

const fail = (io: CliIo, message: string, code: number) => {
  io.err(message);
  return code;
};

export async function runPlanImportCommand(argv: string[], io: CliIo, ro: { db?: Db }): Promise<number> {
  const localeArg = argv.includes('--lang=en') || (argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en') ? 'en' : 'zh-CN';
  const locale: Locale = localeArg;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        format: { type: 'string', default: 'table' },
        region: { type: 'string' },
        parent: { type: 'string' },
        lang: { type: 'string', default: 'zh-CN' },
      },
    });
  } catch (e) {
    return fail(io, `${t('planImport.cli.badOption', { detail: (e as Error).message }, locale)}\n\n${t('planImport.cli.help', {}, locale)}`, 2);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file || positionals.length > 1) return fail(io, `${t('planImport.cli.needFile', {}, locale)}\n\n${t('planImport.cli.help', {}, locale)}`, 2);
  const format = values.format;
  if (format !== 'table' && format !== 'json') return fail(io, t('error.badFormat', { value: String(format) }, locale), 2);
  if (values.parent !== undefined && values.region === undefined) return fail(io, t('planImport.cli.parentWithoutRegion', {}, locale), 2);

  const path = userPath(io, file);
  let data: Buffer;
  try {
    // the size first: a file larger than a plan document may be is not read at all
    const { statSync } = await import('node:fs');
    const size = statSync(path).size;
    if (size > LIMITS.planDocumentBytes) {
      const mb = (n: number) => Math.ceil((n / 1024 / 1024) * 10) / 10;
      return fail(io, t('planImport.error.tooLarge', { file, mb: mb(size), max: mb(LIMITS.planDocumentBytes) }, locale), 1);
    }
    data = readFileSync(path);
  } catch (e) {
    return fail(io, t('cli.error.readFile', { file, detail: (e as Error).message }, locale), 2);
  }

  let db: Db;
  if (ro.db) db = ro.db;
  else {
    try {
      db = await openStore({ ...storeOptionsFromEnv(), onProgress: (line) => io.err(line), owner: { role: 'cli', command: ['import', 'plan', ...argv].join(' ') } });
    } catch (e) {
      if (e instanceof DataDirBusyError && e.holder.role === 'serve') return forwardToServer(e, ['import', 'plan', ...argv], io, false);
      throw e;
    }
  }
  try {
    let read;
    try {
      read = await readPlan(db, file, data, (step) => io.err(step));
    } catch (e) {
      if (cannotRead(e)) return fail(io, e.message, 1);
      throw e;
    }
    if (values['dry-run']) {
      io.out(format === 'json' ? JSON.stringify(toImportJson(read.extracted), null, 2) : extractionSummary(read.extracted, read.doc.lines.length, locale));
      return 0;
    }
    const actor = cliActor();
    const rec = await createPlanImport(db, { fileName: read.doc.name, format: read.doc.format, documentId: read.documentId, lines: read.doc.lines, extracted: read.extracted }, actor);
    io.err(t('planImport.cli.landing', {}, locale));
    try {
      const choice = values.region === undefined ? {} : values.parent !== undefined ? { newRegion: { name: values.region, parent: values.parent } } : { region: values.region };
      const r = await acceptPlanImport(db, rec.id, choice, actor);
      // JSON: the public shape on stdout, exactly as the dry run prints it; what landed is said on stderr
      const say = format === 'json' ? (s: string) => io.err(s) : (s: string) => io.out(s);
      if (format === 'json') io.out(JSON.stringify(toImportJson(read.extracted), null, 2));
      {
        say(t(r.replaced ? 'planImport.cli.replaced' : 'planImport.cli.landed', { title: r.title, region: r.region, plan: r.planId, frameworks: r.frameworks, indicators: r.indicators, projects: r.projects, amount: amountText(r.investmentWan, locale), tasks: r.tasks }, locale));
        if (r.keptFigures > 0) say(t('planImport.cli.keptFigures', { n: r.keptFigures }, locale));
        if (read.extracted.findings.length > 0) say(t('planImport.cli.checkFindings', { n: read.extracted.findings.length }, locale));
      }
      return 0;
    } catch (e) {
      if (!(e instanceof PlanImportError)) throw e;
      const lines = [e.problems.length > 0 ? t('planImport.cli.refused', { n: e.problems.length }, locale) : e.message, ...e.problems.slice(0, 50).map((p) => `  · ${p}`)];
      if (e.problems.length > 50) lines.push(t('planImport.cli.more', { n: e.problems.length - 50 }, locale));
      lines.push(t('planImport.cli.keptPending', { id: rec.id }, locale));
      return fail(io, lines.join('\n'), 1);
    }
  } catch (e) {
    if (e instanceof PlanImportError || e instanceof ForbiddenError || e instanceof NotFoundError) return fail(io, e.message, 1);
    throw e;
  } finally {
    if (!ro.db) await db.close();
  }
}
