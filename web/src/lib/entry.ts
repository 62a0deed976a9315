// The data-entry sheet: row keys, what the clerk typed, the entries sent to the API and the problems it answers.
// The API has one note field: 说明 and 来源 travel in it as “说明：… 来源：…” (always in Chinese, as stored).
import type { EntryInput, EntryProblem, EntryRow, EntrySheet } from '../api/types.ts';
import zhCN from '../i18n/parts/entry.zh-CN.ts';
import type { MessageKey, Translate } from '../i18n/index.tsx';

/** What the clerk typed in one row. */
export interface Typed {
  value: string;
  note: string;
  source: string;
}

export const EMPTY_TYPED: Typed = { value: '', note: '', source: '' };

/** The inputs a problem is shown under. */
export type EntryColumn = 'value' | 'note' | 'source';

export interface FieldProblem {
  field: string;
  value: string;
  message: string;
}

/** rowKey → the server's problems for that row */
export type ProblemMap = Record<string, FieldProblem[]>;

/** framework-number[-part]: the row's key and the suffix of its data-testids. */
export function rowKey(r: Pick<EntryRow, 'framework' | 'number' | 'part'>): string {
  return `${r.framework}-${r.number}${r.part ? `-${r.part}` : ''}`;
}

export function entryKey(e: Pick<EntryInput, 'framework' | 'number' | 'part'>): string {
  return rowKey({ framework: e.framework, number: e.number, part: e.part ?? null });
}

const NOTE = zhCN['entry.notePrefix'];
const SOURCE = zhCN['entry.sourcePrefix'];

/** 说明 and 来源 as the one note the API keeps; undefined when both are empty. */
export function composeNote(note: string, source: string): string | undefined {
  const n = note.trim();
  const s = source.trim();
  const parts = [...(n ? [`${NOTE}${n}`] : []), ...(s ? [`${SOURCE}${s}`] : [])];
  return parts.length ? parts.join(' ') : undefined;
}

/** The reverse of composeNote; a note written some other way is all 说明. */
export function splitNote(note: string | undefined): Pick<Typed, 'note' | 'source'> {
  if (!note) return { note: '', source: '' };
  const text = note.trim();
  if (text.startsWith(SOURCE)) return { note: '', source: text.slice(SOURCE.length).trim() };
  if (!text.startsWith(NOTE)) return { note: text, source: '' };
  const body = text.slice(NOTE.length);
  const at = body.lastIndexOf(` ${SOURCE}`);
  if (at < 0) return { note: body.trim(), source: '' };
  return { note: body.slice(0, at).trim(), source: body.slice(at + 1 + SOURCE.length).trim() };
}

/** The typed values to start from: the draft's, for rows without a recorded value. */
export function initialTyped(sheet: EntrySheet): Record<string, Typed> {
  const drafted = new Map((sheet.draft?.entries ?? []).map((e) => [entryKey(e), e]));
  const out: Record<string, Typed> = {};
  for (const r of sheet.rows) {
    const key = rowKey(r);
    const d = r.current ? undefined : drafted.get(key);
    out[key] = d ? { value: d.printed, ...splitNote(d.note) } : EMPTY_TYPED;
  }
  return out;
}

/** A row can be typed into when the year has no value yet. */
export function isOpen(r: EntryRow): boolean {
  return r.current === null;
}

export function isFilled(t: Typed | undefined): t is Typed {
  return t !== undefined && t.value.trim() !== '';
}

export function toEntry(r: EntryRow, typed: Typed, sheet: Pick<EntrySheet, 'plan' | 'unit' | 'year'>): EntryInput {
  const note = composeNote(typed.note, typed.source);
  return {
    plan: sheet.plan,
    framework: r.framework,
    number: r.number,
    ...(r.part ? { part: r.part } : {}),
    year: sheet.year,
    printed: typed.value.trim(),
    ...(note ? { note } : {}),
    reportingUnit: sheet.unit,
  };
}

/** The open rows with a value, in row order, as entries; rows with an empty 本年值 are not sent. */
export function filledEntries(
  sheet: EntrySheet,
  typed: Record<string, Typed>,
): { rows: EntryRow[]; entries: EntryInput[] } {
  const rows = sheet.rows.filter((r) => isOpen(r) && isFilled(typed[rowKey(r)]));
  return { rows, entries: rows.map((r) => toEntry(r, typed[rowKey(r)]!, sheet)) };
}

/** Problems of a sent list, by the key of the row each index came from. */
export function problemsByRow(rows: EntryRow[], problems: EntryProblem[]): ProblemMap {
  const out: ProblemMap = {};
  for (const p of problems) {
    const r = rows[p.index];
    if (!r) continue;
    (out[rowKey(r)] ??= []).push({ field: p.field, value: p.value, message: p.message });
  }
  return out;
}

/** Which input a problem belongs under: the note's under 说明, everything else under 本年值. */
export function columnOf(field: string): EntryColumn {
  return field === 'note' ? 'note' : 'value';
}

const FIELD_KEYS: Record<string, MessageKey> = {
  printed: 'entry.field.printed',
  note: 'entry.field.note',
  year: 'entry.field.year',
  number: 'entry.field.number',
  part: 'entry.field.part',
  plan: 'entry.field.plan',
  framework: 'entry.field.framework',
  reportingUnit: 'entry.field.reportingUnit',
};

/** “本年值：数值“120”超出范围…” — the field named, then what the server expected. */
export function problemText(p: Pick<FieldProblem, 'field' | 'message'>, t: Translate): string {
  const key = FIELD_KEYS[p.field];
  return t('entry.fieldProblem', { field: key ? t(key) : p.field, message: p.message });
}

export function rowName(r: Pick<EntryRow, 'name' | 'part'>, t: Translate): string {
  return r.part ? t('entry.nameWithPart', { name: r.name, part: r.part }) : r.name;
}

export function sameTyped(a: Typed | undefined, b: Typed | undefined): boolean {
  const x = a ?? EMPTY_TYPED;
  const y = b ?? EMPTY_TYPED;
  return x.value === y.value && x.note === y.note && x.source === y.source;
}
