// Helpers for checking the built-in data against the seed documents in ../shared/seeds.
// The seed texts are tables flattened one cell per line (a cell that spans several lines continues
// on the following lines without the leading tab), so a cell is found by its first line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');
export const DATA_DIR = join(REPO_ROOT, 'data');
/** The seed documents live beside the repository: <repo>/../shared/seeds. */
export const SEEDS_DIR = resolve(here, '../../../shared/seeds');
export const REFERENCE_DIR = resolve(here, '../../../shared/reference');

export interface Seed {
  id: string;
  file: string;
  /** raw lines, index 0 = line 1 */
  raw: string[];
  /** trimmed lines, index 0 = line 1 */
  lines: string[];
}

export function seedsMissingMessage(): string {
  return `找不到种子文件目录（seed documents not found）：looked in ${SEEDS_DIR} (resolved as <repo>/../shared/seeds)`;
}

const seedCache = new Map<string, Seed>();

/** The seed document with the given id (first three characters of the file name). */
export function seed(id: string): Seed {
  const cached = seedCache.get(id);
  if (cached) return cached;
  if (!existsSync(SEEDS_DIR)) throw new Error(seedsMissingMessage());
  const files = readdirSync(SEEDS_DIR).filter((f) => f.startsWith(`${id}_`) && f.endsWith('.txt'));
  if (files.length !== 1)
    throw new Error(`seed document “${id}”: expected exactly one file ${id}_*.txt in ${SEEDS_DIR}, found ${files.length}`);
  const file = files[0]!;
  const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
  const raw = text.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  const s: Seed = { id, file, raw: raw.map((l) => l.replace(/\r$/, '')), lines: raw.map((l) => l.trim()) };
  seedCache.set(id, s);
  return s;
}

export function seedIds(): string[] {
  if (!existsSync(SEEDS_DIR)) throw new Error(seedsMissingMessage());
  return readdirSync(SEEDS_DIR)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .map((f) => f.slice(0, 3))
    .sort();
}

/** Trimmed text of a 1-based line ('' beyond the end). */
export function lineAt(s: Seed, line: number): string {
  return s.lines[line - 1] ?? '';
}

export type MatchMode = 'equal' | 'concat' | 'joined' | 'substring' | 'pieces';

export interface Match {
  /** the line the text starts on, minus the cited line */
  offset: number;
  mode: MatchMode;
  /** the lines the text was found on */
  lines: number[];
}

export interface LocateOptions {
  /** the text may start at most this many lines after the cited line */
  maxOffset: number;
  /** a multi-line cell may cover at most this many lines */
  span?: number;
  /** the text must be a whole cell (one line, or consecutive lines joined with '' or '；') */
  wholeCell?: boolean;
}

/**
 * Find `text` at `line` (1-based) or a few lines after it, as printed.
 * Tries, at each start line from the cited one on: the whole line; the whole of several consecutive
 * lines joined without separator or with '；' (a cell printed over several lines); then, unless
 * wholeCell, a part of the line, and finally each '；'-separated piece on its own line in order
 * (a multi-paragraph cell of which the data keeps some paragraphs).
 */
export function locate(s: Seed, line: number, text: string, opts: LocateOptions): Match | undefined {
  const span = opts.span ?? 4;
  for (let k = 0; k <= opts.maxOffset; k++) {
    const start = line + k;
    if (start > s.lines.length) break;
    const first = lineAt(s, start);
    if (first === text) return { offset: k, mode: 'equal', lines: [start] };
    for (let j = 1; j < span && start + j <= s.lines.length; j++) {
      const cell = s.lines.slice(start - 1, start + j);
      if (cell.join('') === text) return { offset: k, mode: 'concat', lines: range(start, start + j) };
      if (cell.join('；') === text) return { offset: k, mode: 'joined', lines: range(start, start + j) };
    }
    if (opts.wholeCell) continue;
    if (text !== '' && first.includes(text)) return { offset: k, mode: 'substring', lines: [start] };
    const pieces = text.split('；');
    if (pieces.length > 1 && pieces.every((p) => p !== '')) {
      const found: number[] = [];
      let at = start;
      for (const p of pieces) {
        let hit = -1;
        for (let l = at; l < start + span && l <= s.lines.length; l++) {
          if (lineAt(s, l).includes(p)) {
            hit = l;
            break;
          }
        }
        if (hit < 0 || (found.length === 0 && hit !== start)) break;
        found.push(hit);
        at = hit + 1;
      }
      if (found.length === pieces.length) return { offset: k, mode: 'pieces', lines: found };
    }
  }
  return undefined;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

// ------------------------------------------------------------------ data files

export interface SourceRef {
  document: string;
  line: number;
}

export function isSource(v: unknown): v is SourceRef {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as SourceRef).document === 'string' &&
    typeof (v as SourceRef).line === 'number'
  );
}

export interface DataFile {
  /** path relative to data/, e.g. frameworks/national-demo-county.yaml */
  file: string;
  content: unknown;
}

/** Every YAML file under data/ (the database directory data/store excluded). */
export function dataFiles(dir: string = DATA_DIR): DataFile[] {
  const out: DataFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, name.name);
      if (name.isDirectory()) {
        if (relative(dir, p) === 'store') continue;
        walk(p);
      } else if (name.name.endsWith('.yaml')) {
        out.push({ file: relative(dir, p), content: parseYaml(readFileSync(p, 'utf8')) as unknown });
      }
    }
  };
  walk(dir);
  return out;
}

export interface Visited {
  /** e.g. entries.3.observations.0 */
  path: string;
  /** the path with array indices replaced by [], e.g. entries[].observations[] */
  kind: string;
  node: Record<string, unknown>;
  /** the nearest enclosing objects, innermost last (not including node) */
  ancestors: Array<Record<string, unknown>>;
}

/** Visit every object in a parsed YAML document. */
export function visitObjects(root: unknown, fn: (v: Visited) => void): void {
  const go = (node: unknown, path: string[], kind: string[], ancestors: Array<Record<string, unknown>>) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => go(child, [...path, String(i)], [...kind.slice(0, -1), `${kind[kind.length - 1] ?? ''}[]`], ancestors));
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    fn({ path: path.join('.'), kind: kind.join('.'), node: obj, ancestors });
    for (const [k, v] of Object.entries(obj)) go(v, [...path, k], [...kind, k], [...ancestors, obj]);
  };
  go(root, [], [], []);
}

// ------------------------------------------------------------------ reference CSV

/** A small RFC-4180 reader (quoted cells, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export function readReference(name: string): Array<Record<string, string>> {
  const p = join(REFERENCE_DIR, name);
  if (!existsSync(p)) throw new Error(`reference file not found: looked for ${p}`);
  return parseCsv(readFileSync(p, 'utf8'));
}

// ------------------------------------------------------------------ table rows

export interface Cell {
  /** 1-based line the cell starts on (the line with the leading tab) */
  line: number;
  /** the cell's paragraphs, trimmed: the first line and any continuation lines */
  paragraphs: string[];
}

export interface Row {
  line: number;
  cells: Cell[];
}

/**
 * Rows of a flattened table between two lines (inclusive): a line starting with a tab opens a new
 * cell, a line without one continues the cell above (a further paragraph), and an empty line
 * ends the row.
 */
export function tableRows(s: Seed, from: number, to: number): Row[] {
  const rows: Row[] = [];
  let row: Row | undefined;
  for (let n = from; n <= to; n++) {
    const raw = s.raw[n - 1] ?? '';
    if (raw === '') {
      if (row) rows.push(row);
      row = undefined;
      continue;
    }
    if (raw.startsWith('\t')) {
      row ??= { line: n, cells: [] };
      row.cells.push({ line: n, paragraphs: [raw.trim()] });
    } else {
      const cell = row?.cells[row.cells.length - 1];
      if (cell) cell.paragraphs.push(raw.trim());
    }
  }
  if (row) rows.push(row);
  return rows;
}

/** Whether the cited line opens a table cell (the line starts with a tab). */
export function isCellStart(s: Seed, line: number): boolean {
  return (s.raw[line - 1] ?? '').startsWith('\t');
}
