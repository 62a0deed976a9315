// Reading a CSV table as people save it from Excel or WPS or export it from the monitoring platforms: UTF-8 with or
// without a byte-order mark, or GB18030 (GBK) as Chinese Excel saves "CSV"; quoted cells with commas, doubled
// quotes and line breaks (RFC 4180, by @fast-csv/parse). Rows are numbered as a spreadsheet shows them: the
// header is row 1, the first data row is row 2; blank rows keep their numbers and are skipped.
import { parseString } from '@fast-csv/parse';

export interface CsvTable {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** decodeText(bytes) → the text: UTF-8 when the bytes are valid UTF-8 (BOM dropped), GB18030 otherwise. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** readCsv(text) → the header row and the data rows, each cell trimmed; rejects when the CSV is malformed. */
export function readCsv(text: string): Promise<CsvTable> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    parseString<string[], string[]>(text, { headers: false, ignoreEmpty: false, trim: true, discardUnmappedColumns: false })
      .on('error', reject)
      .on('data', (r: string[]) => records.push(r))
      .on('end', () => {
        const [header, ...body] = records;
        resolve({
          header: header ?? [],
          rows: body.map((cells, i) => ({ row: i + 2, cells })).filter((r) => r.cells.some((c) => c !== '')),
        });
      });
  });
}
