// The bounds on everything a caller can send, in one place. Each is far above what a county's plan office
// ever needs (a county plan has about a hundred indicators, a few hundred projects and work items a year)
// and low enough that no single request can hold the server. Pure: no I/O. The README's "Security model"
// lists them; a refusal names the value and the bound it broke.

export const LIMITS = {
  /** entries in one list of a request body (observations, progress reports, work items, their checks, a draft) */
  listEntries: 2000,
  /** nesting of a JSON body: objects and lists inside one another */
  jsonDepth: 32,
  /** characters in one text field of an entry (a note, a progress description, a reply) */
  textChars: 5000,
  /** entries in one saved draft, and characters of one draft as a whole (its JSON) */
  draftEntries: 1000,
  draftChars: 1_000_000,
  /** years of figures, periods, plans and work items: from the founding of the People's Republic to 2100 */
  minYear: 1949,
  maxYear: 2100,
  /** an amount in 万元: not negative, and below 10 million 万元 (1000 亿元), far above any county project */
  maxAmountWan: 10_000_000,
  /** an assessment weight (the parts of the department assessment) */
  maxWeight: 1000,
  /** an Office file (.xlsx, .docx) unpacked: all its parts together, and how many parts */
  unpackedBytes: 50 * 1024 * 1024,
  archiveEntries: 2000,
  /**
   * a plan document (.docx, .pdf, text form) as uploaded: a county plan with its tables is a few MB as .docx
   * and a few hundred KB as text; 30 MB leaves room for pictures without letting one upload hold the server
   */
  planDocumentBytes: 30 * 1024 * 1024,
  /**
   * one XML part of a .docx: elements nested (Word writes fewer than 30 levels, tables in tables included) and
   * elements in all (a 300-page plan is about 300,000; a million take about 3 s and 300 MB to read); refused beyond, before the tree is built further
   */
  xmlDepth: 200,
  xmlElements: 1_000_000,
  /** lines of a plan in the text form: a 300-page plan has about 10,000 */
  planDocumentLines: 1_000_000,
  /** pages of a PDF plan read for text; a county plan has a few hundred */
  pdfPages: 2000,
  /**
   * an imported workbook: rows of all its sheets, and cells. The workbook is then read whole (exceljs 4.4's
   * streaming reader splits Chinese characters at chunk boundaries); the largest allowed one, 100,000 cells
   * of 200 characters each, takes about 2 s and 150 MB, and at most `concurrentImports` are read at once.
   */
  sheetRows: 5000,
  sheetCells: 100_000,
  /**
   * a file given to the calculators (`ecociv aqi`, `ecociv water-class`), read whole: 64 MB is about 600,000
   * rows of hourly air data; a year of a province's stations belongs to the streaming import, not here
   */
  calculatorFileBytes: 64 * 1024 * 1024,
  /**
   * a monitoring file uploaded through the web (CSV or .xlsx; src/server/monitoringRoutes.ts): 64 MB is a year of
   * hourly data for about 100 stations. Larger files belong to the command line (ecociv monitoring import), which
   * streams them.
   */
  monitoringUploadBytes: 64 * 1024 * 1024,
  /** workbook imports and archive checks running at once; a further one is asked to try again shortly */
  concurrentImports: 2,
  /** entries checked between two yields to the event loop, so that other requests are answered meanwhile */
  entriesPerSlice: 25,
} as const;

export const yearInRange = (n: number): boolean => Number.isInteger(n) && n >= LIMITS.minYear && n <= LIMITS.maxYear;

export const amountInRange = (n: number): boolean => Number.isFinite(n) && n >= 0 && n <= LIMITS.maxAmountWan;

/** A real calendar day, YYYY-MM-DD, within the year range. */
export function isDateInRange(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !yearInRange(Number(s.slice(0, 4)))) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The parameters the refusals show: the bounds as people read them. */
export const RANGE = { min: LIMITS.minYear, max: LIMITS.maxYear, maxWan: LIMITS.maxAmountWan.toLocaleString('en-US') };

/** Let the event loop answer other requests every few entries of a long check. */
export async function breathe(i: number): Promise<void> {
  if (i > 0 && i % LIMITS.entriesPerSlice === 0) await new Promise<void>((resolve) => setImmediate(resolve));
}
