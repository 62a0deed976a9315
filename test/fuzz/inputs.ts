// Inputs for the fuzz tests: the phrases of the built-in data files, mutations of them, and junk.
// Runs are seeded (FUZZ_SEED, default below) so that a failure reproduces; FUZZ_RUNS multiplies the runs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { DEFAULT_DATA_DIR } from '../../src/data/load.ts';

export const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_RUNS ?? 1)));
export const settings = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns: runs(numRuns), endOnFailure: true });

/** Every short string in the built-in data files: requirements, values, targets, tiers, names, units. */
export function dataPhrases(dir: string = DEFAULT_DATA_DIR): string[] {
  const out = new Set<string>();
  const collect = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length > 0 && v.length <= 80) out.add(v);
    } else if (typeof v === 'number') out.add(String(v));
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.yaml')) collect(parse(readFileSync(p, 'utf8')));
    }
  };
  walk(dir);
  return [...out];
}

/** Pieces the phrases are made of, in both widths, and some that break things. */
const PIECES = [
  '≥', '≤', '>', '<', '=', '＞', '＜', '＝', '≧', '≦', '%', '％', '‰', '(', ')', '（', '）', '【1】', '[2]', '①', '*', '；', ';', '，', ',', '、', '.', '．',
  '-', '－', '—', '~', '～', '→', 'A', 'V', 'Ⅴ', 'Ⅲ', '0', '1', '9', '０', '９', '100', '99.5', '-3', '1e308', 'NaN', 'Infinity', '大于', '小于', '接近', '不低于', '约',
  '达到', '完成', '建立', '实施', '开展', '有效开展', '未制定', '正在制定', '稳定提高', '不降低', '保持稳定或持续改善', '无劣V类', '不明显', '山区', '丘陵地区', '平原地区',
  '城区', '乡镇', '仅考核市', '抽样', '代用', '估算', '往年', '年', ' ', '\t', '\n', '\u3000', '\u200b', '\ufeff', '\u0000', '😀', '\ud800', '̈',
];

/** A phrase of the data files, changed: pieces inserted, characters dropped or swapped, parts repeated. */
export function mutated(corpus: string[]): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('insert' as const), fc.nat(), fc.constantFrom(...PIECES)),
    fc.tuple(fc.constant('delete' as const), fc.nat(), fc.integer({ min: 1, max: 4 })),
    fc.tuple(fc.constant('replace' as const), fc.nat(), fc.constantFrom(...PIECES)),
    fc.tuple(fc.constant('join' as const), fc.nat(), fc.constantFrom(...corpus)),
  );
  return fc.tuple(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 6 })).map(([text, edits]) => {
    let s = [...text];
    for (const [kind, at, arg] of edits) {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      if (kind === 'insert') s.splice(i, 0, ...[arg as string]);
      else if (kind === 'delete') s.splice(i, arg as number);
      else if (kind === 'replace') s.splice(i, 1, arg as string);
      else s = [...s.slice(0, i), ...[...(arg as string)], ...s.slice(i)];
    }
    return s.join('');
  });
}

/** Anything a person or a program might send as a phrase. */
export function phrases(corpus: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...corpus) },
    { weight: 6, arbitrary: mutated(corpus) },
    { weight: 2, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join('')) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    // long runs, where a regular expression could backtrack for ever
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...PIECES, '1', '1.', '≥1', '大于1', '1；'), fc.integer({ min: 50, max: 3000 })).map(([p, n]) => p.repeat(n)) },
  );
}

/** A JSON value of any shape, as a request body may carry in place of a field. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);
