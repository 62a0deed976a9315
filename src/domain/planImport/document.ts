// A plan document as the readers hand it to the extraction: the same model whatever the file was
// (.docx, .pdf with a text layer, or the text form the seeds are in). Pure: no I/O.
//
// Every block keeps where it stands. `line` is the 1-based line of the document's *linearised text*
// (`PlanDocument.lines`): for the text form that is the file's own line; for .docx and .pdf the reader
// writes the text out one paragraph (or one table cell line) per line, in the text form's layout, so that
// a passage can be shown with its line marked and the extraction treats every format alike.

/** Where a piece of text stands: a line of the linearised text, and for a table cell its table, row and column (all 1-based). */
export interface Place {
  line: number;
  table?: number;
  row?: number;
  column?: number;
}

export interface Cell {
  /** the cell's text, its lines joined with "\n", trimmed; "" for an empty cell */
  text: string;
  /** the line of the cell's first line of text (for an empty cell: where it stands) */
  line: number;
  /** 1-based position in the table's grid, after spans are laid out */
  column: number;
  /** grid columns this cell spans (docx gridSpan); 1 when absent */
  span?: number;
  /**
   * true when the cell continues a vertically merged cell from the row above (docx vMerge "continue"); its
   * text is "" and the table means the value above. The text form cannot tell a merged cell from an empty
   * one: there it is always false, and an extractor that fills a group column down does so by the column's
   * meaning, not by this flag.
   */
  merged?: boolean;
}

export interface Row {
  cells: Cell[];
  /** the line of the row's first cell */
  line: number;
  /** a header row the document repeats on every page (docx tblHeader), or recognised as a header */
  header?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** 1-based, in document order, after continued tables (续表, a table broken over pages) are joined */
  index: number;
  /** the caption line above the table (e.g. "表1  巫山县国家生态文明建设示范县创建指标"), when there is one */
  caption?: string;
  captionLine?: number;
  rows: Row[];
  line: number;
  /** tables joined into this one, by the line each continuation started on */
  continuations?: number[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  line: number;
  /** 1 for a chapter heading (第一章 …), 2 for 一、…, 3 for （一）…; from styles or numbering in .docx, from the text otherwise */
  headingLevel?: number;
}

export type Block = TableBlock | ParagraphBlock;

export interface Footnote {
  /** the mark as printed in the text, e.g. "【1】", "[1]", "*" */
  mark: string;
  text: string;
  line: number;
}

export type DocumentFormat = 'text' | 'docx' | 'pdf';

export interface PlanDocument {
  /** the file's name as the user gave it */
  name: string;
  format: DocumentFormat;
  /** the linearised text, one entry per line (index 0 is line 1) */
  lines: string[];
  blocks: Block[];
  /** footnotes the format carries as such (docx footnotes); notes printed as text stay in `blocks` */
  footnotes: Footnote[];
}
