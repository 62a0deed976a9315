// CSV for Excel: quoted where needed, CRLF lines, UTF-8 with a byte-order mark. Every CSV the product writes
// goes through toCsv, so every cell gets the same formula escaping (csvCell).

/** A plain number as Excel reads it (-12.5, +3, 1e3, 45%): never a formula, kept as a number. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
/**
 * What makes a spreadsheet read a cell as a formula (OWASP, CSV injection): = + - @, tab or CR first, also
 * after leading spaces, and their full-width forms, which some spreadsheets take for the same.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@＝＋－＠]/;

/**
 * One cell: text that a spreadsheet would take for a formula is prefixed with a single quote and quoted, so
 * it shows as text. Plain numbers, negative ones too, stay numbers, and a lone "-" (no figure) stays as it is.
 */
export function csvCell(s: string): string {
  const text = FORMULA_START.test(s) && !PLAIN_NUMBER.test(s.trim()) && s.trim() !== '-' ? `'${s}` : s;
  return text !== s || /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function downloadCsv(fileName: string, rows: readonly (readonly string[])[]): void {
  const blob = new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
