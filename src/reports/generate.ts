// Making a report: check the request, read the engine's output from the store, build the model, draw it.
import { assessPlan } from '../app/assessPlan.ts';
import { planProjects } from '../app/planProjects.ts';
import { projectProgress } from '../app/projectProgress.ts';

/** The date progress is taken at for a year's report: its last day, or the report's own date if earlier. */
export function progressDate(year: number, on: Date): string {
  const today = on.toISOString().slice(0, 10);
  return today < `${year}-12-31` ? today : `${year}-12-31`;
}
import { requirePlan } from '../app/requirePlan.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Queryable } from '../store/db.ts';
import { documentTitles, observationYears } from '../store/reportQueries.ts';
import { annualReport } from './build/annual.ts';
import type { ReportInputs } from './build/inputs.ts';
import { isFinalEvaluation, midtermReport } from './build/midterm.ts';
import { publicSummary } from './build/public.ts';
import { FORMATS_OF, REPORT_KINDS, type ReportDocument, type ReportFormat, type ReportKind } from './model.ts';
import { reportDocx } from './render/docx.ts';
import { reportHtml } from './render/html.ts';
import { ChromiumMissingError, type PdfPrinter } from './render/pdf.ts';
import { rasterizeWithResvg, type Rasterize } from './render/png.ts';
import { scorecardWorkbook } from './scorecardXlsx.ts';

export type ReportErrorCode = 'unknownKind' | 'badFormat' | 'unknownYear';

/** A request that cannot be met, said in Chinese, naming the field, the value and what was expected. */
export class ReportError extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

const endings = (kind: ReportKind) => FORMATS_OF[kind].map((f) => `.${f}`).join('、');

export function kindName(kind: ReportKind, locale: Locale = 'zh-CN'): string {
  return t(`report.kind.${kind}`, {}, locale);
}

export function requireKind(kind: string): ReportKind {
  if ((REPORT_KINDS as readonly string[]).includes(kind)) return kind as ReportKind;
  throw new ReportError('unknownKind', t('error.reportKind', { value: kind, expected: REPORT_KINDS.join('、') }));
}

export function requireFormat(kind: ReportKind, format: string): ReportFormat {
  if ((FORMATS_OF[kind] as readonly string[]).includes(format)) return format as ReportFormat;
  throw new ReportError('badFormat', t('error.reportFormat', { kindName: kindName(kind), kind, format, expected: endings(kind) }));
}

/** The format named by an output file's ending (report.pdf → pdf). */
export function formatOfFile(kind: ReportKind, file: string): ReportFormat {
  const ending = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if ((FORMATS_OF[kind] as readonly string[]).includes(ending)) return ending as ReportFormat;
  throw new ReportError('badFormat', t('error.reportFileEnding', { file, ending: ending ? `.${ending}` : '', kindName: kindName(kind), kind, expected: endings(kind) }));
}

/** The year a report is of: the one asked for, which must have figures, or the latest with figures. */
export async function reportYear(db: Queryable, planId: string, year: number | undefined): Promise<{ year: number; years: number[] }> {
  const plan = await requirePlan(db, planId);
  const years = await observationYears(db, plan.id);
  if (years.length === 0) throw new ReportError('unknownYear', t('error.reportNoYears', { plan: plan.id }));
  if (year === undefined) return { year: years[years.length - 1]!, years };
  if (!years.includes(year)) throw new ReportError('unknownYear', t('error.reportYear', { plan: plan.id, year, years: years.join('、') }));
  return { year, years };
}

/** The store's answers that several reports of one plan share (each year's assessment, the projects, their
 * progress, the document titles), each asked once: `ecociv report --all` makes seven files of four kinds from them. */
export class InputsCache {
  private readonly answers = new Map<string, Promise<unknown>>();

  once<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.answers.get(key) as Promise<T> | undefined;
    if (!answer) this.answers.set(key, (answer = ask()));
    return answer;
  }
}

/** Everything a report of this kind is built from, from the store (the engine's output, nothing recomputed). */
export async function loadReportInputs(db: Queryable, planId: string, kind: ReportKind, year: number | undefined, lang: Locale, generatedOn: Date, cache = new InputsCache()): Promise<ReportInputs> {
  const plan = await cache.once(`plan ${planId}`, () => requirePlan(db, planId));
  const { year: y, years } = await cache.once(`year ${planId} ${year}`, () => reportYear(db, planId, year));
  const from = kind === 'midterm' ? Math.min(plan.baseYear ?? years[0]!, years[0]!) : years[0]!;
  const span = kind === 'public' || kind === 'application' ? [y] : years.filter((x) => x >= from && x <= y);
  const history = [];
  for (const x of span) history.push(await cache.once(`assessment ${planId} ${x} ${lang}`, () => assessPlan(db, planId, x, lang)));
  const asOf = progressDate(y, generatedOn);
  return {
    lang,
    plan,
    year: y,
    assessment: history[history.length - 1]!,
    history,
    projects: await cache.once(`projects ${planId}`, () => planProjects(db, planId)),
    // progress as reported by the end of the report's year (or today, if that is earlier)
    progress: await cache.once(`progress ${planId} ${asOf} ${lang}`, () => projectProgress(db, planId, { asOf, locale: lang })),
    documents: await cache.once('documents', () => documentTitles(db)),
    generatedOn,
  };
}

/** The report model (pure). */
export function buildReport(kind: Exclude<ReportKind, 'application'>, inputs: ReportInputs): ReportDocument {
  if (kind === 'annual') return annualReport(inputs);
  if (kind === 'midterm') return midtermReport(inputs);
  return publicSummary(inputs);
}

export interface ReportFile {
  data: Buffer;
  /** e.g. 巫山县-2021-年度自评估报告.pdf */
  fileName: string;
  /** the same in ASCII, for old clients: wushan-demo-county-2021-annual.pdf */
  asciiName: string;
  contentType: string;
  kind: ReportKind;
  format: ReportFormat;
  year: number;
}

export interface ReportRequest {
  plan: string;
  kind: string;
  format: string;
  year?: number;
  lang?: Locale;
  /** the date on the cover (default: today) */
  generatedOn?: Date;
}

/** Chromium draws the charts for Word when it is there (fast); without it, resvg does (Word needs no browser). */
async function rasterizer(printer: (() => Promise<PdfPrinter>) | undefined): Promise<Rasterize> {
  if (!printer) return rasterizeWithResvg;
  try {
    const p = await printer();
    return (svgs) => p.rasterize(svgs);
  } catch (e) {
    if (e instanceof ChromiumMissingError) return rasterizeWithResvg;
    throw e;
  }
}

/** Draw a report of a kind from its inputs. PDF needs a printer (Chromium); the other formats do not. The model
 * (`doc`, from buildReport) may be given when it is drawn in several formats. */
export async function renderReport(kind: ReportKind, format: ReportFormat, inputs: ReportInputs, printer?: () => Promise<PdfPrinter>, model?: ReportDocument): Promise<ReportFile> {
  let data: Buffer;
  if (kind === 'application') data = await scorecardWorkbook(inputs.assessment, inputs.lang, 'application');
  else {
    const doc = model ?? buildReport(kind, inputs);
    if (format === 'html') data = Buffer.from(reportHtml(doc), 'utf8');
    else if (format === 'docx') data = await reportDocx(doc, await rasterizer(printer));
    else {
      if (!printer) throw new Error('a PDF needs a printer');
      data = await (await printer()).print(doc);
    }
  }
  const name = kind === 'midterm' && isFinalEvaluation(inputs.plan, inputs.year) ? t('report.kind.final', {}, inputs.lang) : kindName(kind, inputs.lang);
  return {
    data,
    fileName: `${inputs.plan.region}-${inputs.year}-${name}.${format}`,
    asciiName: `${inputs.plan.id}-${inputs.year}-${kind}.${format}`,
    contentType: CONTENT_TYPES[format],
    kind,
    format,
    year: inputs.year,
  };
}

/** Check, build and draw one report. */
export async function generateReport(db: Queryable, req: ReportRequest, printer?: () => Promise<PdfPrinter>): Promise<ReportFile> {
  const kind = requireKind(req.kind);
  const format = requireFormat(kind, req.format);
  const inputs = await loadReportInputs(db, req.plan, kind, req.year, req.lang ?? 'zh-CN', req.generatedOn ?? new Date());
  return renderReport(kind, format, inputs, printer);
}
