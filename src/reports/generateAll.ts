// Every report of every plan in the store, written to a folder (one sub-folder per plan), saying as it goes what
// it is making and how far it has got. Plans are made side by side, as many at once as there are cores (one
// Chromium, a page each); each plan's files in order, from one reading of the store and one model per kind.
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { t, type Locale } from '../i18n/index.ts';
import type { Queryable } from '../store/db.ts';
import { listPlans } from '../store/queries.ts';
import { observationYears } from '../store/reportQueries.ts';
import { buildReport, InputsCache, kindName, loadReportInputs, renderReport } from './generate.ts';
import { FORMATS_OF, REPORT_KINDS } from './model.ts';
import type { PdfPrinter } from './render/pdf.ts';

export interface AllReportsOptions {
  outDir: string;
  /** the year of every report; a plan without figures for it is skipped (default: each plan's latest year) */
  year?: number;
  lang?: Locale;
  generatedOn?: Date;
  printer: () => Promise<PdfPrinter>;
  /** one line per report made or plan skipped */
  onProgress: (line: string) => void;
  /** plans made at once (default: the cores there are, at most MAX_CONCURRENCY) */
  concurrency?: number;
}

/** Each plan at work holds a Chromium page (about 150–250 MB while printing): a bound for machines with many cores. */
export const MAX_CONCURRENCY = 8;

export const defaultConcurrency = (): number => Math.max(1, Math.min(availableParallelism(), MAX_CONCURRENCY));

/** What is written for each plan: every kind in every format but the HTML preview. */
const FILES = REPORT_KINDS.flatMap((kind) => FORMATS_OF[kind].filter((f) => f !== 'html').map((format) => ({ kind, format })));

export async function writeAllReports(db: Queryable, opts: AllReportsOptions): Promise<{ written: string[]; skipped: string[] }> {
  const lang = opts.lang ?? 'zh-CN';
  const generatedOn = opts.generatedOn ?? new Date();
  const plans: Array<{ id: string; region: string; year: number }> = [];
  const skipped: string[] = [];
  for (const p of await listPlans(db)) {
    const years = await observationYears(db, p.id);
    const year = opts.year ?? years[years.length - 1];
    if (year === undefined || !years.includes(year)) {
      skipped.push(p.id);
      opts.onProgress(
        years.length === 0
          ? t('report.progressNoData', { plan: p.id, region: p.region }, lang)
          : t('report.progressSkip', { plan: p.id, region: p.region, year: year ?? '', years: years.join('、') }, lang),
      );
    } else plans.push({ id: p.id, region: p.region, year });
  }
  const total = plans.length * FILES.length;
  const written: string[] = [];
  const started = performance.now();
  const makePlan = async (p: (typeof plans)[number]) => {
    const dir = join(opts.outDir, p.id);
    mkdirSync(dir, { recursive: true });
    const cache = new InputsCache();
    for (const kind of REPORT_KINDS) {
      const inputs = await loadReportInputs(db, p.id, kind, p.year, lang, generatedOn, cache);
      const doc = kind === 'application' ? undefined : buildReport(kind, inputs);
      for (const { format } of FILES.filter((f) => f.kind === kind)) {
        const t0 = performance.now();
        const file = await renderReport(kind, format, inputs, opts.printer, doc);
        const path = join(dir, file.fileName);
        await writeFile(path, file.data);
        written.push(path);
        opts.onProgress(
          t('report.progress', { i: written.length, n: total, region: p.region, year: p.year, kind: kindName(kind, lang), format, file: path, seconds: ((performance.now() - t0) / 1000).toFixed(1) }, lang),
        );
      }
    }
  };
  // a few workers, each taking the next plan; the first failure stops them all from taking more
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < plans.length) {
      try {
        await makePlan(plans[next++]!);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers = Math.max(1, Math.min(opts.concurrency ?? defaultConcurrency(), plans.length));
  await Promise.all(Array.from({ length: workers }, worker));
  opts.onProgress(t('report.progressDone', { n: written.length, plans: plans.length, seconds: ((performance.now() - started) / 1000).toFixed(1) }, lang));
  return { written, skipped };
}
