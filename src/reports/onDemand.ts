// Loading the report renderers (./heavy.ts) on first use: the command line's report command and the server's
// report and scorecard routes. Until then an error cannot be one of theirs, which loaded() lets callers test.
import type * as Heavy from './heavy.ts';

let module: typeof Heavy | undefined;

export const reports = async (): Promise<typeof Heavy> => (module ??= await import('./heavy.ts'));

/** The renderers when something has loaded them; undefined before. */
export const loadedReports = (): typeof Heavy | undefined => module;

/** One Chromium for the PDFs, started on the first one (src/reports/render/pdf.ts SharedPrinter), loaded on demand. */
export class LazyPrinter {
  private shared: Heavy.SharedPrinter | undefined;

  get = async () => (this.shared ??= new (await reports()).SharedPrinter()).get();

  async close(): Promise<void> {
    await this.shared?.close();
  }
}

/** A refusal of the report code (unknown kind, format or year): only possible once it is loaded. */
export const isReportError = (e: unknown): e is Heavy.ReportError => !!module && e instanceof module.ReportError;

/** No Chromium for a PDF: only possible once the report code is loaded. */
export const isChromiumMissing = (e: unknown): e is Heavy.ChromiumMissingError => !!module && e instanceof module.ChromiumMissingError;
