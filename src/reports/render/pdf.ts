// PDF: the HTML version printed by headless Chromium (Debian's chromium, driven by playwright-core; never a
// downloaded browser). Printed once: where there is a contents page, the printing tells on which page each section
// landed (from the PDF's own outline) and the numbers are written onto the contents page (contentsNumbers.ts);
// only where that cannot be done exactly is it printed a second time with the numbers (`twoPass` does so always:
// the old way, kept for the benchmark's comparison). The ToUnicode maps are then corrected so that the text copies
// and searches as written (see toUnicode.ts).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { t } from '../../i18n/index.ts';
import type { ReportDocument } from '../model.ts';
import { contentsLayout, writeContentsNumbers } from './contentsNumbers.ts';
import { reportHtml } from './html.ts';
import { fixToUnicode } from './toUnicode.ts';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Raised when there is no Chromium to print with; the message says what to install. */
export class ChromiumMissingError extends Error {
  constructor(readonly path: string, detail?: string) {
    super(t('error.chromium', { path, detail: detail ? `（${detail}）` : '' }));
    this.name = 'ChromiumMissingError';
  }
}

/** How long a page may wait for the next report before it is closed (its renderer process ends with it). */
const IDLE_PAGE_MS = 10_000;

export class PdfPrinter {
  /** pages done with, kept for the next print: opening one (a context and a renderer process) costs more CPU
   * than many a report's layout; as many as have been busy at once, each closed after a while unused */
  private readonly idle: Array<{ page: Page; timer: NodeJS.Timeout }> = [];

  private constructor(private readonly browser: Browser) {}

  private async withPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
    const kept = this.idle.pop();
    if (kept) clearTimeout(kept.timer);
    const page = kept?.page ?? (await this.browser.newPage());
    let result: T;
    try {
      result = await use(page);
    } catch (e) {
      await page.close().catch(() => undefined);
      throw e;
    }
    const entry = {
      page,
      timer: setTimeout(() => {
        this.idle.splice(this.idle.indexOf(entry), 1);
        void page.close().catch(() => undefined);
      }, IDLE_PAGE_MS).unref(),
    };
    this.idle.push(entry);
    return result;
  }

  /** Start Chromium. Fails with ChromiumMissingError (in Chinese, naming the package) when it is not there. */
  static async open(): Promise<PdfPrinter> {
    const path = chromiumPath();
    if (!existsSync(path)) throw new ChromiumMissingError(path);
    try {
      const browser = await chromium.launch({
        executablePath: path,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
      });
      return new PdfPrinter(browser);
    } catch (e) {
      throw new ChromiumMissingError(path, (e as Error).message.split('\n')[0]);
    }
  }

  private async printOnce(page: Page, doc: ReportDocument, pages?: Record<string, number>): Promise<Buffer> {
    await page.setContent(reportHtml(doc, pages ? { pages } : {}), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      outline: true,
      tagged: true,
    });
  }

  /** The report as PDF; `twoPass` prints a document with contents twice (the old way) rather than numbering them from one printing. */
  async print(doc: ReportDocument, opts: { twoPass?: boolean } = {}): Promise<Buffer> {
    return this.withPage(async (page) => {
      let pdf = await this.printOnce(page, doc);
      if (doc.contents) {
        const layout = await contentsLayout(pdf, doc);
        pdf = (!opts.twoPass && writeContentsNumbers(pdf, layout.placements)) || (await this.printOnce(page, doc, layout.pages));
      }
      return fixToUnicode(pdf);
    });
  }

  /** SVG charts as PNG (for Word), drawn by the same browser onto canvases in one go: far faster than resvg,
   * which re-reads the CJK font for every run of text. */
  async rasterize(svgs: string[], scale = 2): Promise<Buffer[]> {
    if (svgs.length === 0) return [];
    return this.withPage(async (page) => {
      const urls = await page.evaluate(
        async ({ svgs, scale }) =>
          Promise.all(
            svgs.map(async (svg) => {
              const img = new Image();
              img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = Math.round(img.naturalWidth * scale);
              canvas.height = Math.round(img.naturalHeight * scale);
              const ctx = canvas.getContext('2d')!;
              ctx.fillStyle = '#fff';
              ctx.fillRect(0, 0, canvas.width, canvas.height);
              ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
              return canvas.toDataURL('image/png');
            }),
          ),
        { svgs, scale },
      );
      return urls.map((u) => Buffer.from(u.slice(u.indexOf(',') + 1), 'base64'));
    });
  }

  async close(): Promise<void> {
    for (const { timer } of this.idle.splice(0)) clearTimeout(timer);
    await this.browser.close();
  }
}

/** One Chromium, started on the first PDF and kept for the next (the server, and `ecociv report --all`). */
export class SharedPrinter {
  private printer: Promise<PdfPrinter> | undefined;

  get = (): Promise<PdfPrinter> => {
    this.printer ??= PdfPrinter.open().catch((e: unknown) => {
      this.printer = undefined; // try again next time (chromium may have been installed meanwhile)
      throw e;
    });
    return this.printer;
  };

  async close(): Promise<void> {
    const p = this.printer;
    this.printer = undefined;
    if (p) await (await p.catch(() => undefined))?.close();
  }
}
