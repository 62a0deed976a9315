// Reading the rows of a monitoring file as a stream, never the whole file in memory: a CSV (UTF-8 with or without
// a byte-order mark, or GB18030 as Chinese Excel and the platforms save it) by a byte-level splitter, or the first
// sheet of an .xlsx workbook by exceljs' streaming reader. Rows are numbered as a spreadsheet shows them (the
// header is row 1; a quoted cell holding line breaks keeps its record on one row); blank rows keep their numbers
// and are skipped.
//
// The CSV splitter works on bytes: the separators it looks for (comma, quote, CR, LF) are ASCII, and neither UTF-8
// nor GB18030 uses those byte values inside a multi-byte character (GB18030's trail bytes are 0x30–0x39 and
// 0x40–0xFE), so a cell's bytes are found before they are decoded. A cell of ASCII bytes only is read as latin1
// (the fast path: every number and date); other cells are decoded by the file's encoding, which is found from
// the byte-order mark or from the first non-ASCII bytes (valid UTF-8 → UTF-8, otherwise GB18030).
import { LIMITS } from '../domain/limits.ts';
import { t } from '../i18n/index.ts';
import { ArchiveError, unpackOffice } from './archive.ts';

export interface SheetRow {
  /** the row as a spreadsheet shows it: the header is 1 */
  row: number;
  /** the cells, trimmed; '' where empty */
  cells: string[];
}

/** The file's bytes, read from the start each time it is called. */
export type OpenBytes = () => AsyncIterable<Uint8Array>;

/** Is the file a workbook (by its name's ending)? */
export const isWorkbookName = (fileName: string): boolean => /\.xlsx$/i.test(fileName);

/**
 * readRows(open, fileName) → the non-blank rows of the file in order, each with its spreadsheet row number.
 * `.xlsx` → the first sheet (checked by its parts, then read whole: see xlsxBatches); anything else → CSV (RFC 4180).
 * Rejects (an Error whose message names the row) on a quote that is never closed.
 */
export async function* readRows(open: OpenBytes, fileName: string): AsyncIterable<SheetRow> {
  for await (const batch of readRowBatches(open, fileName)) yield* batch;
}

/**
 * readRowBatches(open, fileName) → the same rows as readRows, in arrays of the rows of one chunk of the file: for a
 * reader of millions of rows, one await per chunk instead of one per row.
 */
export function readRowBatches(open: OpenBytes, fileName: string): AsyncIterable<SheetRow[]> {
  return isWorkbookName(fileName) ? xlsxBatches(open) : csvBatches(open());
}

// ---------------------------------------------------------------- CSV

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

type Encoding = 'utf-8' | 'gb18030' | null;

/** An unclosed quote: the row where the quoted cell starts. */
export class CsvQuoteError extends Error {
  constructor(readonly row: number) {
    super(`row ${row}: a quoted cell is never closed`);
    this.name = 'CsvQuoteError';
  }
}

class CellDecoder {
  encoding: Encoding = null;
  private utf8 = new TextDecoder('utf-8');
  private utf8Fatal = new TextDecoder('utf-8', { fatal: true });
  private gb = new TextDecoder('gb18030');

  /**
   * Decide the encoding from the bytes read so far when they say it: from the first non-ASCII byte, at least
   * 64 bytes (or the whole file when final) that are, or are not, UTF-8. A character cut at the end is left out.
   */
  sniff(bytes: Uint8Array, final: boolean): void {
    if (this.encoding) return;
    let i = 0;
    while (i < bytes.length && bytes[i]! < 0x80) i++;
    if (i === bytes.length) return;
    let end = Math.min(bytes.length, i + 65536);
    if (!final || end < bytes.length) {
      // step back over a UTF-8 sequence the end may cut
      let k = end;
      while (k > i && end - k < 4 && (bytes[k - 1]! & 0xc0) === 0x80) k--;
      if (k > i && bytes[k - 1]! >= 0xc0) end = k - 1;
    }
    if (end - i < 64 && !final) return;
    try {
      this.utf8Fatal.decode(bytes.subarray(i, end));
      this.encoding = 'utf-8';
    } catch {
      this.encoding = 'gb18030';
    }
  }

  text(buf: Buffer, start: number, end: number): string {
    for (let i = start; i < end; i++)
      if (buf[i]! >= 0x80) {
        const bytes = buf.subarray(start, end);
        if (!this.encoding) {
          try {
            this.utf8Fatal.decode(bytes);
            this.encoding = 'utf-8';
          } catch {
            this.encoding = 'gb18030';
          }
        }
        return (this.encoding === 'utf-8' ? this.utf8 : this.gb).decode(bytes);
      }
    return latin1(buf, start, end);
  }
}


/** Bytes below 0x80 as text (Buffer's own latin1 slice, without toString's checks). */
const latin1 = (buf: Buffer, start: number, end: number): string => (buf as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(start, end);

const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

async function* csvBatches(source: AsyncIterable<Uint8Array>): AsyncIterable<SheetRow[]> {
  const dec = new CellDecoder();
  let carry: Buffer | null = null;
  let row = 0; // the record last completed
  let seen = 0;
  let head: Buffer | null = Buffer.alloc(0); // the first bytes, until a byte-order mark can be told
  for await (const chunk of source) {
    let buf = asBuffer(chunk);
    if (head) {
      head = Buffer.concat([head, buf]);
      if (head.length < 3) continue;
      buf = head;
      head = null;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
        dec.encoding = 'utf-8';
        buf = buf.subarray(3);
      }
    }
    if (carry) buf = Buffer.concat([carry, buf]);
    // the first megabyte decides when it holds non-ASCII bytes; after it, the first non-ASCII cell does
    if (!dec.encoding && seen < 1 << 20) dec.sniff(buf, false);
    seen += chunk.byteLength;
    const out: SheetRow[] = [];
    const used = splitRecords(buf, false, dec, row, out);
    row = used.row;
    carry = used.consumed < buf.length ? Buffer.from(buf.subarray(used.consumed)) : null;
    if (out.length) yield out;
  }
  if (head && head.length) carry = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
  if (carry && carry.length) {
    if (!dec.encoding) dec.sniff(carry, true);
    const out: SheetRow[] = [];
    splitRecords(carry, true, dec, row, out);
    if (out.length) yield out;
  }
}

/**
 * Split the complete records of buf (all of it when final) into rows; returns the bytes consumed and the number
 * of the last record completed. A record ends at LF, CR LF or a lone CR outside quotes.
 */
function splitRecords(buf: Buffer, final: boolean, dec: CellDecoder, row: number, out: SheetRow[]): { consumed: number; row: number } {
  const n = buf.length;
  let pos = 0; // start of the current record
  while (pos < n) {
    const cells: string[] = [];
    let i = pos;
    let complete = false;
    let blank = true;
    for (;;) {
      // one cell from i
      if (i < n && buf[i] === QUOTE) {
        let j = i + 1;
        let doubled = false;
        let closed = false;
        while (j < n) {
          const b = buf[j]!;
          if (b === QUOTE) {
            if (j + 1 < n && buf[j + 1] === QUOTE) {
              doubled = true;
              j += 2;
              continue;
            }
            if (j + 1 >= n && !final) break; // the next chunk may hold the doubling quote
            closed = true;
            break;
          }
          j++;
        }
        if (!closed) {
          if (final) throw new CsvQuoteError(row + 1);
          return { consumed: pos, row };
        }
        let text = dec.text(buf, i + 1, j);
        if (doubled) text = text.replace(/""/g, '"');
        // anything between the closing quote and the separator is kept, as spreadsheets do
        let k = j + 1;
        while (k < n && buf[k] !== COMMA && buf[k] !== LF && buf[k] !== CR) k++;
        if (k > j + 1) text += dec.text(buf, j + 1, k);
        text = text.trim();
        if (text !== '') blank = false;
        cells.push(text);
        i = k;
      } else {
        let k = i;
        let high = 0; // any byte ≥ 0x80: the cell needs decoding
        while (k < n) {
          const b = buf[k]!;
          if (b === COMMA || b === LF || b === CR) break;
          high |= b;
          k++;
        }
        if (k >= n && !final) return { consumed: pos, row };
        const text = k === i ? '' : high & 0x80 ? dec.text(buf, i, k).trim() : latin1(buf, i, k).trim();
        if (text !== '') blank = false;
        cells.push(text);
        i = k;
      }
      if (i >= n) {
        if (!final) return { consumed: pos, row };
        complete = true;
        break;
      }
      const b = buf[i]!;
      if (b === COMMA) {
        i++;
        if (i >= n && final) {
          cells.push('');
          complete = true;
          break;
        }
        continue;
      }
      // CR, LF or CR LF ends the record
      if (b === CR) {
        if (i + 1 >= n && !final) return { consumed: pos, row };
        i += i + 1 < n && buf[i + 1] === LF ? 2 : 1;
      } else i++;
      complete = true;
      break;
    }
    if (!complete) return { consumed: pos, row };
    row++; // a record is one spreadsheet row however many lines its quoted cells hold
    if (!blank) out.push({ row, cells });
    pos = i;
  }
  return { consumed: pos, row };
}

// ---------------------------------------------------------------- xlsx

/** A cell of exceljs as text: numbers as JavaScript writes them, dates as YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS]. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) {
    // exceljs reads a workbook's (zone-less) date-time as that wall-clock time in UTC
    const iso = v.toISOString();
    const time = iso.slice(11, 19);
    return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('').trim();
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v).trim();
}

/** A workbook that cannot be read: too large unpacked, damaged, or not a workbook (its message says which). */
export class WorkbookReadError extends Error {}

/**
 * The first sheet of an .xlsx workbook. Its parts are checked before it is read (unpacked size and number of parts,
 * LIMITS.unpackedBytes / archiveEntries: a zip bomb is refused by its directory), then it is read whole: exceljs
 * 4.4's streaming reader splits Chinese characters at chunk boundaries and leaves temporary files that a reader
 * abandoned early can still try to open after the import has ended (an uncaught error). Large monitoring files
 * belong in CSV, which is streamed.
 */
async function* xlsxBatches(open: OpenBytes): AsyncIterable<SheetRow[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of open()) {
    size += c.length;
    if (size > LIMITS.unpackedBytes) throw new WorkbookReadError(t('limits.archive.unpacked', { size: Math.ceil(size / 1048576), max: LIMITS.unpackedBytes / 1048576 }));
    chunks.push(Buffer.from(c));
  }
  const data = Buffer.concat(chunks);
  try {
    unpackOffice(data, 'xlsx', (name) => name.startsWith('xl/worksheets/'));
  } catch (e) {
    if (e instanceof ArchiveError) throw new WorkbookReadError(e.message);
    throw e;
  }
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(t('exchange.error.notXlsx', { detail: (e as Error).message.slice(0, 200) }));
  }
  const ws = wb.worksheets[0];
  if (!ws) return;
  let batch: SheetRow[] = [];
  const batches: SheetRow[][] = [];
  ws.eachRow({ includeEmpty: false }, (r, number) => {
    const values = Array.isArray(r.values) ? r.values : [];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    if (cells.some((x) => x !== '')) batch.push({ row: number, cells });
    if (batch.length >= 5000) {
      batches.push(batch);
      batch = [];
    }
  });
  if (batch.length) batches.push(batch);
  yield* batches;
}
