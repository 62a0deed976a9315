// The report model: what a report says, independent of how it is drawn. Builders (src/reports/build/) make it
// from the engine's output; renderers (src/reports/render/) draw the same model as HTML, PDF and Word.
import type { Locale } from '../i18n/index.ts';

export const REPORT_KINDS = ['annual', 'application', 'midterm', 'public'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The formats each kind is made in. html is the preview (and what the PDF is printed from). */
export const FORMATS_OF: Record<ReportKind, readonly ReportFormat[]> = {
  annual: ['docx', 'pdf', 'html'],
  application: ['xlsx'],
  midterm: ['docx', 'pdf', 'html'],
  public: ['docx', 'pdf', 'html'],
};

/** A status colour for a cell or a figure. */
export type Tone = 'met' | 'notMet' | 'indeterminate' | 'noData' | 'notApplicable';

export interface Cell {
  text: string;
  /** rows this cell spans downwards; the cells it covers are null in the rows below */
  rowSpan?: number;
  tone?: Tone;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
}

export interface Column {
  label: string;
  /** relative width */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  type: 'table';
  caption?: string;
  columns: Column[];
  /** null marks a cell covered by a rowSpan above */
  rows: Array<Array<Cell | null>>;
  /** totals row(s), drawn bold after the rows */
  totals?: Cell[][];
  notes?: string[];
  /** smaller type for wide tables */
  dense?: boolean;
  /** share of the text width, when narrower than all of it (0–1) */
  share?: number;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  /** body: indented prose; note: small print; quote: the plan's own words, set apart */
  style?: 'body' | 'note' | 'quote';
}

/** Key figures set out as tiles (the public summary). */
export interface FactsBlock {
  type: 'facts';
  items: Array<{ label: string; value: string; tone?: Tone }>;
}

export interface ChartBlock {
  type: 'chart';
  caption: string;
  chart: ChartSpec;
}

/** Several small charts side by side (trends). */
export interface ChartGridBlock {
  type: 'chartGrid';
  caption: string;
  charts: ChartSpec[];
}

export type Block = ParagraphBlock | TableBlock | FactsBlock | ChartBlock | ChartGridBlock;

export interface Section {
  /** stable id (anchors, tests) */
  id: string;
  heading: string;
  blocks: Block[];
  subsections?: Section[];
  /** set on A4 landscape pages (wide tables) */
  landscape?: boolean;
}

export interface Cover {
  title: string;
  subtitle: string;
  lines: string[];
  date: string;
}

export interface ReportDocument {
  kind: ReportKind;
  lang: Locale;
  /** the document's title (metadata, HTML title) */
  title: string;
  /** words in the running footer beside the page number */
  runningTitle: string;
  cover?: Cover;
  /** a contents page after the cover */
  contents: boolean;
  sections: Section[];
  /** the public summary: one page, no cover, no contents */
  onePage?: boolean;
  /** headings shown above the sections when there is no cover */
  heading?: { title: string; subtitle: string };
}

/** Status counts of a framework (from the engine), in the status order reports use. */
export const STATUS_ORDER: readonly Tone[] = ['met', 'notMet', 'indeterminate', 'noData', 'notApplicable'];

// Charts are described as data; src/reports/render/charts.ts draws them (ECharts, server-side SVG).
export type ChartSpec =
  | {
      kind: 'statusCounts';
      title: string;
      /** one bar group per framework */
      categories: string[];
      series: Array<{ name: string; tone: Tone; values: number[] }>;
    }
  | { kind: 'gauge'; title: string; score: number; max: number; pass: number; passLabel: string; unit: string }
  | {
      kind: 'bars';
      title: string;
      unit: string;
      categories: string[];
      series: Array<{ name: string; values: Array<number | null>; tone?: 'primary' | 'muted' }>;
    }
  | {
      kind: 'trend';
      title: string;
      unit: string;
      years: number[];
      values: Array<number | null>;
      requirement?: { label: string; value: number };
      target?: { label: string; year: number; value: number };
    }
  | {
      kind: 'years';
      title: string;
      years: number[];
      series: Array<{ name: string; tone: Tone; values: number[] }>;
    };
