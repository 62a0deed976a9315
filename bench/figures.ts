// One shape for every benchmark's results, so that `npm run bench:all` can print each figure beside its aim
// and its baseline (measured in the same run) and write the README's tables from them.
//
// A benchmark calls `reportFigures(name, title, figures)` once at its end: the table is printed, and the
// figures are written to bench/out/figures-<name>.json for bench:all to collect.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  /** what is measured, in words a reader of the README understands */
  what: string;
  /** the aim as the issue states it ("≤ 100 ms"), or "—" where there is none */
  aim: string;
  /** the same measure by the old way or the comparison, taken in the same run, printed ("45 req/s"); "—" where none */
  baseline: string;
  /** today's figure, printed with its unit */
  value: string;
  /** whether the aim is met; null where there is no aim */
  met: boolean | null;
  /** a short note: what the baseline is, the conditions */
  note?: string;
}

export interface FigureSet {
  bench: string;
  title: string;
  when: string;
  node: string;
  figures: Figure[];
}

export const OUT_DIR = join(import.meta.dirname, 'out');

export function figuresTable(figures: readonly Figure[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['| what | aim | baseline (same run) | today | aim met? |', '|---|---|---|---|---|'];
  for (const f of figures)
    lines.push(`| ${cell(f.what)}${f.note ? ` (${cell(f.note)})` : ''} | ${cell(f.aim)} | ${cell(f.baseline)} | ${cell(f.value)} | ${f.met === null ? '—' : f.met ? 'met' : '**not met**'} |`);
  return lines.join('\n');
}

/** Prints the benchmark's figures as a table and keeps them for bench:all. */
export function reportFigures(bench: string, title: string, figures: Figure[]): FigureSet {
  const set: FigureSet = { bench, title, when: new Date().toISOString(), node: process.version, figures };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, `figures-${bench}.json`), `${JSON.stringify(set, null, 2)}\n`);
  console.log(`\n${title}\n\n${figuresTable(figures)}\n`);
  return set;
}

/** Formatting helpers shared by the benchmarks. */
export const fmt = {
  s: (s: number) => `${s.toFixed(2)} s`,
  ms: (ms: number) => `${ms.toFixed(0)} ms`,
  mb: (mb: number | null) => (mb === null ? '—' : `${Math.round(mb)} MB`),
  perS: (n: number, unit: string) => `${n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)} k` : n.toFixed(0)} ${unit}/s`,
  ratio: (x: number) => `${x.toFixed(2)}×`,
};
