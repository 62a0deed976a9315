// The reviewer's faithfulness check: every figure and phrase in data/ is compared with the seed
// document and line it cites (../shared/seeds), and the tables are re-read cell by cell.
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/data/load.ts';
import type { FrameworkFile, IndicatorDataFile, ProjectsFile } from '../../src/data/schema.ts';
import {
  DATA_DIR,
  SEEDS_DIR,
  dataFiles,
  isSource,
  lineAt,
  locate,
  readReference,
  seed,
  seedIds,
  seedsMissingMessage,
  tableRows,
  visitObjects,
  type Cell,
  type Row,
  type Seed,
  type SourceRef,
} from './seed-text.ts';

type Item = FrameworkFile['indicators'][number];
type Part = NonNullable<Item['parts']>[number];
type Variant = NonNullable<Item['variants']>[number];
type Entry = IndicatorDataFile['entries'][number];

const catalog = loadCatalog(DATA_DIR);
const files = dataFiles();

function framework(id: string): FrameworkFile {
  const f = catalog.frameworks.find((x) => x.id === id);
  if (!f) throw new Error(`framework ${id} missing`);
  return f;
}
function planData(plan: string, fw: string): IndicatorDataFile {
  const p = catalog.plans.find((x) => x.plan.id === plan);
  const d = p?.indicatorData.find((x) => x.framework === fw);
  if (!d) throw new Error(`data ${plan}/${fw} missing`);
  return d;
}
function projects(plan: string): ProjectsFile {
  const p = catalog.plans.find((x) => x.plan.id === plan)?.projects;
  if (!p) throw new Error(`projects of ${plan} missing`);
  return p;
}
function entry(d: IndicatorDataFile, number: string, part?: string): Entry {
  const e = d.entries.find((x) => x.number === number && x.part === part);
  if (!e) throw new Error(`${d.framework}: no entry ${number}${part ? ` ${part}` : ''}`);
  return e;
}
function item(f: FrameworkFile, number: string): Item {
  const i = f.indicators.find((x) => x.number === number);
  if (!i) throw new Error(`${f.id}: no item ${number}`);
  return i;
}
const text = (c: Cell | undefined) => (c ? c.paragraphs.join('') : '');
const where = (s: SourceRef | undefined) => (s ? `${s.document}:${s.line}` : '(no source)');

/** Collects mismatches so that one failing test lists all of them. */
class Problems {
  readonly list: string[] = [];
  eq(actual: unknown, expected: unknown, what: string): void {
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      this.list.push(`${what}: data has ${JSON.stringify(actual)}, seed has ${JSON.stringify(expected)}`);
  }
  ok(cond: boolean, what: string): void {
    if (!cond) this.list.push(what);
  }
  assertNone(): void {
    expect(this.list, this.list.join('\n')).toEqual([]);
  }
}

// ------------------------------------------------------------------------------------------------

describe('seed documents', () => {
  it('the seed folder ../shared/seeds exists beside the repository', () => {
    expect(existsSync(SEEDS_DIR), seedsMissingMessage()).toBe(true);
    expect(seedIds()).toEqual(expect.arrayContaining(['000', '001', '003']));
  });

  it('each plan names its seed file, and the file is there', () => {
    for (const { plan } of catalog.plans) {
      expect(plan.document.file.slice(0, 3), plan.id).toBe(plan.document.id);
      expect(readdirSync(SEEDS_DIR), `${plan.id}: ${plan.document.file}`).toContain(plan.document.file);
      const s = seed(plan.document.id);
      const whole = s.lines.join('\n');
      expect(whole, `${plan.id}: document.title`).toContain(plan.document.title);
      expect(whole, `${plan.id}: title`).toContain(plan.title);
      if (plan.issuer) expect(whole, `${plan.id}: issuer`).toContain(plan.issuer);
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe('every source names a line that exists', () => {
  for (const f of files) {
    it(f.file, () => {
      const p = new Problems();
      visitObjects(f.content, ({ path, node }) => {
        for (const [key, value] of Object.entries(node)) {
          if (key !== 'source' && !key.endsWith('Source')) continue;
          const at = `${f.file} ${path ? `${path}.` : ''}${key}`;
          if (!isSource(value)) {
            p.ok(false, `${at}: not a { document, line } source`);
            continue;
          }
          const s = seed(value.document);
          p.ok(Number.isInteger(value.line) && value.line >= 1 && value.line <= s.lines.length, `${at}: line ${value.line} is not in ${s.file} (${s.lines.length} lines)`);
          p.ok(lineAt(s, value.line) !== '', `${at}: line ${value.document}:${value.line} is empty`);
        }
      });
      p.assertNone();
    });
  }
});

// ------------------------------------------------------------------------------------------------
// Texts at their lines.
//
// A text cited in a table (a cell's line starts with a tab; its further paragraphs follow without one) must be a whole cell: the line itself,
// or consecutive lines joined with '' (a wrapped phrase: 稳定/提高) or '；' (a cell of several
// paragraphs: 67.6/山区). A text cited on a prose line must be part of that line. The item name and
// requirement sit a few cells after the number cell the item cites; how far is bounded per field.

const MAX_OFFSET: Record<string, number> = {
  'indicators[].name': 1, // number cell, then name cell
  'indicators[].unit': 3, // … name, qualifier (湿润地区 / 山区), unit
  'indicators[].requirement': 4, // … unit, requirement
  'indicators[].remark': 7, // 表2: … requirement, 分值, 备注 (a qualifier column shifts it)
  'indicators[].parts[].requirement': 7, // 表1 12: three part names, three units, an empty paragraph
  'indicators[].variants[].requirement': 0, // a variant cites its requirement's own line
  'projects[].name': 12, // within the project's row; the row itself is checked cell by cell below
  'projects[].content': 12,
  'projects[].investmentPrinted': 12,
};
/**
 * Whether a line belongs to a flattened table: a cell (leading tab) or a further paragraph of a
 * cell (no tab, but the lines above lead back to a cell without an empty line in between).
 */
function inTable(s: Seed, line: number): boolean {
  for (let n = line; n >= 1 && n > line - 12; n--) {
    const raw = s.raw[n - 1] ?? '';
    if (raw.startsWith('\t')) return true;
    if (raw === '') return false;
  }
  return false;
}

/** A variant's condition (qualifier cell) is printed at most this many lines before its requirement: qualifier, unit, requirement. */
const VARIANT_CONDITION_BEFORE = 2;

const TEXT_FIELDS = ['printed', 'requirement', 'name', 'content', 'investmentPrinted', 'unit', 'remark'];

/** Transcription choices that keep only some of a cell, each documented in the data file. */
function partialCellAllowed(file: string, kind: string, field: string, ancestors: Array<Record<string, unknown>>): string | undefined {
  const entryNode = ancestors.find((a) => typeof a.number === 'string' && 'observations' in a);
  // 表1 items 7 and 8: the 现状值 cell prints one paragraph for the item and one per part.
  if (file === 'plans/wushan-demo-county/national-demo-county.yaml' && kind === 'entries[].observations[]' && field === 'printed' && (entryNode?.number === '7' || entryNode?.number === '8'))
    return 'paragraphs of the 现状值 cell';
  // 表2 items 5 and 6: the part's name is the subject of its requirement cell (优良天数比例≥85).
  if (file === 'frameworks/chongqing-demo-county.yaml' && kind === 'indicators[].parts[]' && field === 'name') return 'prefix';
  return undefined;
}

describe('every printed text occurs at the line it cites', () => {
  for (const f of files) {
    it(f.file, () => {
      const p = new Problems();
      visitObjects(f.content, ({ path, kind, node, ancestors }) => {
        const src = node.source;
        if (!isSource(src)) return;
        const s = seed(src.document);
        const texts: Array<[string, string]> = [];
        for (const k of TEXT_FIELDS) {
          if (typeof node[k] !== 'string') continue;
          // a framework's own name is an editorial title, not a printed cell (see report)
          if (kind === '' && k === 'name' && f.file.startsWith('frameworks/')) continue;
          // part units are checked cell by cell below (表2 prints them before the cited line)
          if (k === 'unit' && kind.endsWith('parts[]')) continue;
          texts.push([k, node[k] as string]);
        }
        const when = node.when;
        if (typeof when === 'object' && when !== null)
          for (const [k, v] of Object.entries(when)) if (typeof v === 'string') texts.push([`when.${k}`, v]);
        for (const [field, t] of texts) {
          const at = `${f.file} ${path}.${field} ${JSON.stringify(t)} @${src.document}:${src.line}`;
          const cell = inTable(s, src.line);
          const fieldKind = `${kind}.${field}`;
          const maxOffset = cell ? (MAX_OFFSET[fieldKind] ?? 0) : 0;
          const partial = partialCellAllowed(f.file, kind, field, ancestors);
          // when.terrain 丘陵 is printed 丘陵地区: the condition names the printed qualifier
          const wholeCell = cell && partial === undefined && !field.startsWith('when.');
          // a variant's condition is its qualifier cell, printed before the requirement the variant cites
          const back = field.startsWith('when.') && kind.endsWith('variants[]') ? VARIANT_CONDITION_BEFORE : 0;
          const m = locate(s, src.line - back, t, { maxOffset: maxOffset + back, wholeCell });
          if (!m) {
            p.ok(false, `${at}: not found${wholeCell ? ' as a whole cell' : ''} within ${maxOffset} line(s); seed line reads ${JSON.stringify(lineAt(s, src.line))}`);
            continue;
          }
          if (partial === 'prefix') p.ok(lineAt(s, src.line + m.offset).startsWith(t), `${at}: the cell does not start with the name`);
        }
      });
      p.assertNone();
    });
  }
});

describe('regions and confirmations cite lines that show them', () => {
  it('regions: terrain and climate are printed on their lines; 巫山县 has no sea', () => {
    for (const r of catalog.regions) {
      if (r.terrain) expect(lineAt(seed(r.terrainSource!.document), r.terrainSource!.line), `${r.name} terrain`).toContain(r.terrain);
      if (r.climate) expect(lineAt(seed(r.climateSource!.document), r.climateSource!.line), `${r.name} climate`).toContain(r.climate);
    }
    const wushan = catalog.regions.find((r) => r.name === '巫山县')!;
    expect(wushan.coastal).toBe(false);
    expect(lineAt(seed('001'), wushan.coastalSource!.line)).toContain('无海域');
  });

  it('plans: the target years are the ones the cited line names', () => {
    for (const { plan } of catalog.plans) {
      if (!plan.targetYearsSource) continue;
      const l = lineAt(seed(plan.targetYearsSource.document), plan.targetYearsSource.line);
      for (const y of plan.targetYears) expect(l, `${plan.id} ${y}`).toMatch(new RegExp(`${y}年作为(近期|远期)控制目标年`));
    }
  });

  it('confirmations: the cited cell prints the confirmed points or status', () => {
    const conf = catalog.plans.find((x) => x.plan.id === 'wushan-demo-county')!.confirmations;
    expect(conf.length).toBeGreaterThan(0);
    for (const c of conf) {
      const cell = lineAt(seed(c.source!.document), c.source!.line);
      if (c.points !== undefined) expect(cell, `${c.framework} ${c.number}`).toBe(String(c.points));
      if (c.status !== undefined) expect(cell, `${c.framework} ${c.number}`).toBe(c.status === 'met' ? '达标' : '未达标');
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe('footnotes', () => {
  const withFootnotes: Array<[string, string]> = [
    ['wushan-demo-county', 'national-demo-county'],
    ['qianjiang-apeng-two-mountains', 'two-mountains-base'],
  ];
  for (const [plan, fw] of withFootnotes) {
    it(`${plan}/${fw}: each footnote is printed at its line right after its mark, and the value carries the mark`, () => {
      const p = new Problems();
      let n = 0;
      for (const e of planData(plan, fw).entries) {
        for (const o of e.observations ?? []) {
          const fn = o.footnote;
          const marks = o.printed.match(/【\d+】|\[\d+\]/g) ?? [];
          if (!fn) {
            p.eq(marks, [], `${fw} ${e.number} ${o.printed}: a mark without a footnote`);
            continue;
          }
          n++;
          p.ok(o.printed.includes(fn.mark), `${fw} ${e.number}: value ${o.printed} lacks mark ${fn.mark}`);
          const s = seed(fn.source!.document);
          const line = lineAt(s, fn.source!.line);
          // 000 marks the values [1]… but prints the notes as 【1】…
          const wide = fn.mark.replace('[', '【').replace(']', '】');
          p.ok(line.includes(fn.mark + fn.printed) || line.includes(wide + fn.printed), `${fw} ${e.number}: ${fn.mark}${fn.printed} is not on ${where(fn.source)}`);
          // the note ends where the next one begins
          const after = line.slice(line.indexOf(fn.printed) + fn.printed.length);
          p.ok(after === '' || /^(【\d+】|带\*号)/.test(after), `${fw} ${e.number}: footnote ${fn.mark} is cut short; continues ${after.slice(0, 20)}`);
        }
      }
      expect(n).toBeGreaterThan(0);
      p.assertNone();
    });
  }

  it('001 表1 说明 has exactly the footnotes 【1】–【6】, all used', () => {
    const marks = planData('wushan-demo-county', 'national-demo-county').entries.flatMap((e) => (e.observations ?? []).flatMap((o) => (o.footnote ? [o.footnote.mark] : [])));
    expect(marks.sort()).toEqual(['【1】', '【2】', '【3】', '【4】', '【5】', '【6】']);
    expect(lineAt(seed('001'), 756).match(/【\d+】/g)).toEqual(['【1】', '【2】', '【3】', '【4】', '【5】', '【6】']);
  });

  it('000: values marked * are of 2021 (带*号数据为2021年数据), and only those', () => {
    expect(lineAt(seed('000'), 373)).toContain('带*号数据为2021年数据，2022年数据还未统计公布。');
    for (const e of planData('qianjiang-apeng-two-mountains', 'two-mountains-base').entries) {
      for (const o of e.observations ?? []) {
        const star = o.printed.includes('*');
        expect(o.dataYear, `item ${e.number} ${o.printed}`).toBe(star ? 2021 : undefined);
        expect(o.flags?.includes('往年') ?? false, `item ${e.number} ${o.printed}`).toBe(star);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------------
// 表1 (001 lines 151–754), 12 cells a row: 领域 任务 序号 名称 单位 指标值 属性 现状值 达标 近期 远期 责任单位.

/** The per-part paragraphs of a cell printed once for all parts or once per part. */
function perPart(c: Cell, n: number): Array<{ text: string; line: number }> | undefined {
  const ps = c.paragraphs;
  if (ps.length === 1) return Array.from({ length: n }, () => ({ text: ps[0]!, line: c.line }));
  if (ps.length === n) return ps.map((t, i) => ({ text: t, line: c.line + i }));
  if (ps.length === n + 1 && ps[0] === '') return ps.slice(1).map((t, i) => ({ text: t, line: c.line + 1 + i }));
  return undefined;
}

describe('表1 国家生态文明建设示范县创建指标 (001), cell by cell', () => {
  const s = seed('001');
  const rows = tableRows(s, 151, 754);
  const fw = framework('national-demo-county');
  const data = planData('wushan-demo-county', 'national-demo-county');

  it('has 43 rows numbered 1..43, and the framework 43 items in the same order', () => {
    expect(rows.map((r) => text(r.cells[2]))).toEqual(Array.from({ length: 43 }, (_, i) => String(i + 1)));
    expect(fw.indicators.map((i) => i.number)).toEqual(Array.from({ length: 43 }, (_, i) => String(i + 1)));
  });

  it('framework items match the row: domain, task, name, parts, variants, unit, requirement, attribute', () => {
    const p = new Problems();
    let domain = '';
    let task = '';
    for (const row of rows) {
      const c = row.cells;
      const ind = item(fw, text(c[2]));
      const at = `national ${ind.number}`;
      if (text(c[0])) domain = text(c[0]);
      if (text(c[1])) task = text(c[1]);
      p.eq(ind.domain, domain, `${at} domain`);
      p.eq(ind.task, task, `${at} task`);
      p.eq(ind.source.line, c[2]!.line, `${at} source line (number cell)`);
      const names = c[3]!.paragraphs;
      p.eq(ind.name, names[0], `${at} name`);
      const sub = names.slice(1);
      if (ind.parts) {
        p.eq(ind.parts.map((x) => x.name), sub, `${at} part names`);
        ind.parts.forEach((x, i) => p.eq(x.source?.line, c[3]!.line + 1 + i, `${at} ${x.name} source line`));
        const units = perPart(c[4]!, ind.parts.length);
        p.ok(units !== undefined, `${at}: unit cell ${JSON.stringify(c[4]!.paragraphs)} does not split over ${ind.parts.length} parts`);
        units?.forEach((u, i) => p.eq(ind.parts![i]!.unit ?? '', u.text, `${at} ${ind.parts![i]!.name} unit`));
      } else {
        p.eq(ind.unit ?? '', text(c[4]), `${at} unit`);
        if (ind.variants) {
          p.eq(ind.variants.length, 1, `${at} variants`);
          const v = ind.variants[0]!;
          p.eq(v.when.terrain ?? v.when.climate ?? v.when.printed, sub[0], `${at} variant condition`);
          // the variant cites its requirement's line (the qualifier is printed under the name)
          p.eq(v.source?.line, c[5]!.line, `${at} variant source line`);
        } else p.eq(sub, [], `${at} qualifier under the name`);
      }
      if (c.length === 6) {
        // not applicable to 巫山县: the 指标值 cell carries the reason
        p.eq(ind.applicability?.printed, text(c[5]), `${at} applicability`);
        p.eq(ind.applicability?.source?.line, c[5]!.line, `${at} applicability line`);
        p.eq([ind.requirement, ind.attribute, ind.parts?.some((x) => x.requirement)], [undefined, undefined, ind.parts ? false : undefined], `${at} no requirement or attribute`);
        continue;
      }
      p.eq(c.length, 12, `${at} cells`);
      p.eq(ind.applicability, undefined, `${at} applicability`);
      p.eq(ind.attribute, text(c[6]), `${at} attribute`);
      if (ind.parts) {
        const reqs = perPart(c[5]!, ind.parts.length);
        p.ok(reqs !== undefined, `${at}: requirement cell does not split over the parts`);
        reqs?.forEach((r, i) => p.eq(ind.parts![i]!.requirement, r.text, `${at} ${ind.parts![i]!.name} requirement`));
      } else if (ind.variants) p.eq(ind.variants[0]!.requirement, text(c[5]), `${at} variant requirement`);
      else p.eq(ind.requirement, text(c[5]), `${at} requirement`);
    }
    p.assertNone();
  });

  it('plan data matches the row: 现状值, 达标情况, 近期/远期目标, 责任单位, with their lines', () => {
    const p = new Problems();
    for (const row of rows) {
      const c = row.cells;
      const ind = item(fw, text(c[2]));
      const leaves: Array<{ part?: Part; i: number }> = ind.parts ? ind.parts.map((part, i) => ({ part, i })) : [{ i: 0 }];
      const n = leaves.length;
      for (const { part, i } of leaves) {
        const e = entry(data, ind.number, part?.name);
        const at = `national ${ind.number}${part ? ` ${part.name}` : ''}`;
        if (c.length === 6) {
          p.eq([e.observations, e.targets, e.statedStatus, e.leadUnits], [undefined, undefined, undefined, undefined], `${at}: not applicable, nothing printed`);
          continue;
        }
        p.eq(e.leadUnits, c[11]!.paragraphs, `${at} leadUnits`);
        // 现状值
        const obs = e.observations ?? [];
        p.eq(obs.map((o) => o.year), [2021], `${at} observation years`);
        const o = obs[0];
        if (o) {
          const ps = c[7]!.paragraphs;
          if (!part) {
            p.eq(o.printed, ps.join('；'), `${at} 现状值`);
            p.eq(o.source?.line, c[7]!.line, `${at} 现状值 line`);
          } else {
            const own = perPart(c[7]!, n)?.[i];
            const shared = ps.length === n + 1 && ps[0] !== '' ? ps[0]! : undefined;
            const expected = shared !== undefined ? `${shared}；${ps[i + 1]}` : own?.text;
            const pieces = o.printed.split('；');
            const last = pieces[pieces.length - 1]!;
            const documentedReading = own !== undefined && last === own.text.replace(/，$/, '') && pieces.slice(0, -1).every((q) => ps[0]!.startsWith(q));
            p.ok(o.printed === expected || documentedReading, `${at} 现状值: data has ${JSON.stringify(o.printed)}, cell ${JSON.stringify(ps)}`);
            const line = o.printed === own?.text && shared === undefined ? own.line : c[7]!.line;
            p.eq(o.source?.line, line, `${at} 现状值 line`);
          }
        }
        // 达标情况, 目标值
        const cells: Array<[string, Cell, { printed: string; source?: SourceRef; year: number } | undefined]> = [
          ['达标', c[8]!, e.statedStatus],
          ['2024', c[9]!, e.targets?.find((t) => t.year === 2024)],
          ['2027', c[10]!, e.targets?.find((t) => t.year === 2027)],
        ];
        for (const [label, cell, got] of cells) {
          const want = part ? perPart(cell, n)?.[i] : { text: cell.paragraphs.join('；'), line: cell.line };
          p.eq(got?.printed, want?.text, `${at} ${label}`);
          p.eq(got?.source?.line, want?.line, `${at} ${label} line`);
        }
        p.eq(e.statedStatus?.year, 2021, `${at} statedStatus year`);
        p.eq(e.targets?.map((t) => t.year), [2024, 2027], `${at} target years`);
      }
    }
    p.assertNone();
  });

  it('plan data has one entry per item or part and nothing else', () => {
    const leaves = fw.indicators.flatMap((i) => (i.parts ? i.parts.map((x) => `${i.number}/${x.name}`) : [i.number]));
    expect(data.entries.map((e) => (e.part ? `${e.number}/${e.part}` : e.number))).toEqual(leaves);
  });
});

// ------------------------------------------------------------------------------------------------
// 表2 (001 lines 769–1450): 9 cells a row (领域 序号 名称 单位 指标值 分值 备注 2021年 得分), 10 where a
// qualifier column follows the name (11 山区/丘陵地区…, 12, 13, 21). Sub-rows without a number are
// parts, variants, or further scoring bands (60＞A≥55 → 2).

interface CqRow {
  row: Row;
  domain: Cell;
  number: Cell;
  name: Cell;
  qualifier?: Cell;
  unit: Cell;
  requirement: Cell;
  points: Cell;
  remark: Cell;
  value: Cell;
  score: Cell;
}
function cqRow(row: Row): CqRow {
  const c = row.cells as Cell[];
  if (c.length === 9) {
    const [domain, number, name, unit, requirement, points, remark, value, score] = c as [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
    return { row, domain, number, name, unit, requirement, points, remark, value, score };
  }
  if (c.length === 10) {
    const [domain, number, name, qualifier, unit, requirement, points, remark, value, score] = c as [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];
    return { row, domain, number, name, qualifier, unit, requirement, points, remark, value, score };
  }
  throw new Error(`表2 row at line ${row.line} has ${c.length} cells`);
}

/** "A≥60 → 3；60＞A≥55 → 2" from the first row (whose condition is the requirement) and band rows. */
function checkTiers(p: Problems, at: string, tiers: string | undefined, requirement: string | undefined, points: number | undefined, bands: CqRow[]): void {
  if (bands.length === 0) {
    p.eq(tiers, undefined, `${at} tiers (the table prints no further band)`);
    return;
  }
  const printed = (tiers ?? '').split('；');
  p.eq(printed.length, bands.length + 1, `${at} number of tier bands`);
  const [first, ...rest] = printed;
  const m = /^(.+?) → (\d+)$/.exec(first ?? '');
  p.ok(m !== null && m[1]!.replace(/^A=?/, '') === requirement && Number(m[2]) === points, `${at} first band ${JSON.stringify(first)} is not requirement ${requirement} → ${points}`);
  rest.forEach((band, i) => p.eq(band, `${text(bands[i]!.requirement)} → ${text(bands[i]!.points)}`, `${at} band ${i + 2}`));
}

describe('表2 重庆市生态文明建设示范区县创建指标 (001), cell by cell', () => {
  const s = seed('001');
  const rows = tableRows(s, 769, 1450).map(cqRow);
  const fw = framework('chongqing-demo-county');
  const data = planData('wushan-demo-county', 'chongqing-demo-county');
  const groups: CqRow[][] = [];
  for (const r of rows) {
    if (text(r.number) !== '') groups.push([r]);
    else groups[groups.length - 1]!.push(r);
  }

  it('has items numbered 1..38, and the framework 38 items in the same order', () => {
    expect(groups.map((g) => text(g[0]!.number))).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
    expect(fw.indicators.map((i) => i.number)).toEqual(Array.from({ length: 38 }, (_, i) => String(i + 1)));
  });

  it('framework items match: domain, name, remark, unit, requirement, points, tiers, parts, variants', () => {
    const p = new Problems();
    let domain = '';
    for (const g of groups) {
      const head = g[0]!;
      const ind = item(fw, text(head.number));
      const at = `chongqing ${ind.number}`;
      if (text(head.domain)) domain = text(head.domain);
      p.eq(ind.domain, domain, `${at} domain`);
      p.eq(ind.source.line, head.number.line, `${at} source line`);
      p.eq(ind.name, text(head.name), `${at} name`);
      p.eq(ind.remark, text(head.remark), `${at} remark`);
      for (const r of g.slice(1)) p.eq([text(r.name), text(r.remark)], ['', ''], `${at} sub-row ${r.row.line} name/remark`);
      if (ind.parts) {
        const partRows = head.qualifier ? g.filter((r) => text(r.qualifier) !== '') : g;
        p.eq(partRows.length, ind.parts.length, `${at} part rows`);
        let unit = '';
        ind.parts.forEach((part, i) => {
          const r = partRows[i];
          if (!r) return;
          const pat = `${at} ${part.name}`;
          if (r.qualifier) {
            p.eq(part.name, text(r.qualifier), `${pat} name`);
            p.eq(part.source?.line, r.qualifier.line, `${pat} source line`);
          } else {
            p.ok(text(r.requirement).startsWith(part.name), `${pat}: requirement cell ${text(r.requirement)} does not name the part`);
            p.eq(part.source?.line, r.requirement.line, `${pat} source line`);
          }
          p.eq(part.requirement, text(r.requirement), `${pat} requirement`);
          // an empty unit cell under a printed one: the merged cell above (13, 21)
          if (text(r.unit) !== '') unit = text(r.unit);
          p.eq(part.unit, unit, `${pat} unit`);
          if (ind.points === undefined) p.eq(String(part.points), text(r.points), `${pat} points`);
          else p.eq([part.points, text(r.points)], [undefined, i === 0 ? String(ind.points) : ''], `${pat} points shared by the item`);
        });
        p.eq(ind.requirement, undefined, `${at} requirement on an item with parts`);
      } else if (ind.variants) {
        const starts = g.map((r, i) => (text(r.qualifier) !== '' ? i : -1)).filter((i) => i >= 0);
        p.eq(ind.variants.length, starts.length, `${at} variant rows`);
        ind.variants.forEach((v: Variant, k) => {
          const r = g[starts[k]!];
          if (!r) return;
          const vat = `${at} variant ${JSON.stringify(v.when)}`;
          const cond = v.when.terrain ?? v.when.climate ?? v.when.printed ?? '';
          p.ok(cond !== '' && text(r.qualifier).startsWith(cond), `${vat}: qualifier cell reads ${text(r.qualifier)}`);
          p.eq(v.source?.line, r.requirement.line, `${vat} source line (the requirement's cell)`);
          p.eq(v.requirement, text(r.requirement), `${vat} requirement`);
          p.eq(ind.unit, text(r.unit), `${vat} unit`);
          p.eq(String(ind.points), text(r.points), `${vat} points`);
          const bands = g.slice(starts[k]! + 1, starts[k + 1] ?? g.length);
          checkTiers(p, vat, v.tiers, v.requirement, ind.points, bands);
        });
      } else {
        p.eq(ind.unit, text(head.unit), `${at} unit`);
        p.eq(ind.requirement, text(head.requirement), `${at} requirement`);
        p.eq(String(ind.points), text(head.points), `${at} points`);
        // item 12 prints 生态保护红线 / 自然保护地 in the qualifier column, sharing one requirement
        const bands = g.slice(1).filter((r) => text(r.requirement) !== '');
        checkTiers(p, at, ind.tiers, ind.requirement, ind.points, bands);
      }
    }
    p.assertNone();
  });

  it('points add up to 100 for a mountain (山区) county, item 11 counted once', () => {
    const wushan = catalog.regions.find((r) => r.name === '巫山县');
    expect(wushan?.terrain).toBe('山区');
    let total = 0;
    for (const ind of fw.indicators) {
      if (ind.variants) {
        const v = ind.variants.find((x) => x.when.terrain === wushan?.terrain);
        expect(v, `item ${ind.number}: no variant for 山区`).toBeDefined();
        total += ind.points ?? 0;
      } else if (ind.parts && ind.points === undefined) total += ind.parts.reduce((a, x) => a + (x.points ?? Number.NaN), 0);
      else total += ind.points ?? Number.NaN;
    }
    expect(total).toBe(100);
    expect(fw.scoring).toMatchObject({ maxScore: 100, passScore: 92 });
    const l = lineAt(s, fw.scoring!.source!.line);
    expect(l).toContain('满分100分');
    expect(l).toContain('达到92分以上通过评估');
    expect(l).toContain('38项具体指标');
  });

  it('plan data matches: 2021年 value and 得分 of every item and part, with their lines', () => {
    const p = new Problems();
    for (const g of groups) {
      const head = g[0]!;
      const ind = item(fw, text(head.number));
      const leaves: Array<{ part?: Part; row: CqRow }> = ind.parts
        ? ind.parts.map((part, i) => ({ part, row: (head.qualifier ? g.filter((r) => text(r.qualifier) !== '') : g)[i]! }))
        : [{ row: head }];
      for (const { part, row } of leaves) {
        const e = entry(data, ind.number, part?.name);
        const at = `chongqing ${ind.number}${part ? ` ${part.name}` : ''}`;
        const o = e.observations?.[0];
        p.eq(e.observations?.length, 1, `${at} observations`);
        p.eq(o?.year, 2021, `${at} year`);
        p.eq(o?.printed, row.value.paragraphs.join('；'), `${at} 2021年 value`);
        p.eq(o?.source?.line, row.value.line, `${at} value line`);
        const score = text(row.score);
        p.eq(e.statedScore ? String(e.statedScore.points) : '', score, `${at} 得分`);
        if (e.statedScore) p.eq([e.statedScore.year, e.statedScore.source?.line], [2021, row.score.line], `${at} 得分 year/line`);
      }
    }
    const leaves = fw.indicators.flatMap((i) => (i.parts ? i.parts.map((x) => `${i.number}/${x.name}`) : [i.number]));
    p.eq(data.entries.map((e) => (e.part ? `${e.number}/${e.part}` : e.number)), leaves, 'entries, one per item or part');
    p.assertNone();
  });

  it('the printed scores add up to the stated 92 (达标分析), losing points where the text says', () => {
    const scores = data.entries.reduce((a, e) => a + (e.statedScore?.points ?? 0), 0);
    const summary = catalog.plans.find((x) => x.plan.id === 'wushan-demo-county')!.plan.statedSummaries!.find((x) => x.framework === 'chongqing-demo-county')!;
    expect(summary.score).toBe(92);
    expect(scores).toBe(92);
    expect(lineAt(s, summary.source.line)).toContain('评分为92分');
    const lost = (n: string) => (item(fw, n).points ?? 0) - (entry(data, n).statedScore?.points ?? 0);
    // 完全失分项：25 村镇饮用水卫生合格率、30 城镇新建绿色建筑、38 生态环境教育基地（各失2分）
    expect([lost('25'), lost('30'), lost('38')]).toEqual([2, 2, 2]);
    // 部分失分项：26 城镇集中式污水处理率、28 城镇人均公园绿地面积（各扣1分）
    expect([lost('26'), lost('28')]).toEqual([1, 1]);
  });

  it('item 26: the printing error “2” keeps its correction to 91.73％ from 表1 note 【5】', () => {
    const o = entry(data, '26').observations![0]!;
    expect(o.printed).toBe('2');
    expect(o.correction?.printed).toBe('91.73％');
    expect(lineAt(s, o.correction!.source.line)).toContain('据此综合核定城镇生活污水处理率91.73％');
  });
});

// ------------------------------------------------------------------------------------------------

describe('000 黔江区阿蓬江流域“两山”基地建设规划指标, cell by cell', () => {
  const s = seed('000');
  const rows = tableRows(s, 181, 370);
  const fw = framework('two-mountains-base');
  const data = planData('qianjiang-apeng-two-mountains', 'two-mountains-base');

  it('has 20 items numbered 1..20, as the framework', () => {
    expect(rows.map((r) => text(r.cells[2]))).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(fw.indicators.map((i) => i.number)).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    expect(lineAt(s, 166)).toContain('构建包含20项指标');
  });

  it('items and plan data match every cell', () => {
    const p = new Problems();
    let goal = '';
    let task = '';
    for (const row of rows) {
      const c = row.cells;
      p.eq(c.length, 8, `row ${row.line} cells`);
      const ind = item(fw, text(c[2]));
      const e = entry(data, ind.number);
      const at = `two-mountains ${ind.number}`;
      if (text(c[0])) goal = text(c[0]);
      if (text(c[1])) task = text(c[1]);
      p.eq([ind.domain, ind.task], [goal, task], `${at} goal/task`);
      p.eq([ind.name, ind.source.line], [text(c[3]), c[2]!.line], `${at} name/line`);
      // a wrapped phrase (稳定/提高) is joined without separator
      p.eq(ind.requirement, text(c[4]), `${at} requirement`);
      p.eq([e.observations?.[0]?.printed, e.observations?.[0]?.source?.line, e.observations?.[0]?.year], [text(c[5]), c[5]!.line, 2022], `${at} 2022年现状`);
      p.eq([e.targets?.[0]?.printed, e.targets?.[0]?.source?.line, e.targets?.[0]?.year], [text(c[6]), c[6]!.line, 2028], `${at} 2028年目标`);
      p.eq(e.leadUnits, text(c[7]).split('、'), `${at} 牵头单位`);
    }
    p.assertNone();
  });

  it('stated classes add up to the 20 indicators', () => {
    const sum = catalog.plans.find((x) => x.plan.id === 'qianjiang-apeng-two-mountains')!.plan.statedSummaries![0]!;
    expect(Object.values(sum.classes ?? {}).reduce((a, b) => a + b, 0)).toBe(20);
  });
});

describe('003 行动方案 targets (one prose line)', () => {
  const s = seed('003');
  const fw = framework('wushan-action-2027');
  const data = planData('wushan-action-2027', 'wushan-action-2027');

  it('has 12 targets in the order line 10 names them, each target right after its indicator, unit in the target', () => {
    const line = lineAt(s, 10);
    expect(fw.indicators.map((i) => i.number)).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    let at = 0;
    for (const ind of fw.indicators) {
      const target = entry(data, ind.number).targets![0]!.printed;
      // the name and the target may share words (万元GDP能耗累计下降 / 累计下降16%; 生态工业集群 in 建成100亿级生态工业集群)
      let overlap = 0;
      for (let k = Math.min(ind.name.length, target.length); k > 0; k--) if (ind.name.endsWith(target.slice(0, k))) { overlap = k; break; }
      const phrase = target.includes(ind.name) ? target : ind.name + target.slice(overlap);
      const pos = line.indexOf(phrase, at);
      expect(pos, `${ind.number} ${phrase}`).toBeGreaterThanOrEqual(at);
      at = pos + phrase.length;
      if (ind.unit) expect(target, `${ind.number} unit`).toContain(ind.unit);
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe('projects of 001 (附件 近期重点工程项目)', () => {
  const s = seed('001');
  const data = projects('wushan-demo-county');
  const rows = tableRows(s, 1742, 2702);

  it('80 projects numbered 1..80', () => {
    expect(data.projects.map((x) => x.number)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(data.stated.count).toBe(80);
  });

  it('investments add up to the stated 513306 万元, and each group to its stated sum and count', () => {
    const sum = (xs: ProjectsFile['projects']) => xs.reduce((a, x) => a + (x.investmentWan ?? Number.NaN), 0);
    expect(data.stated.investmentWan).toBe(513306);
    expect(sum(data.projects)).toBe(513306);
    expect(data.groups.map((g) => g.stated?.count).reduce((a, b) => a! + b!, 0)).toBe(80);
    for (const g of data.groups) {
      const mine = data.projects.filter((x) => x.group === g.name);
      expect([g.name, mine.length, sum(mine)]).toEqual([g.name, g.stated?.count, g.stated?.investmentWan]);
    }
  });

  it('the prose summary (第九章) rounds the same figures', () => {
    const prose = data.statedProse!.printed;
    expect(lineAt(s, data.statedProse!.source.line)).toBe(prose);
    const yi = (wan: number) => (wan / 10000).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
    expect(prose).toContain(`${data.stated.count}个具体项目，投资总额${yi(data.stated.investmentWan!)}亿元`);
    for (const g of data.groups) expect(prose).toContain(`${g.name}${g.stated!.count}项共${(g.stated!.investmentWan! / 10000).toFixed(2)}亿元`);
    const subs = new Set(data.projects.map((x) => `${x.category}/${x.subCategory}`));
    expect(prose).toContain(`涉及${subs.size}个子项`);
  });

  it('group headings and the total row match the table', () => {
    const headings = rows.filter((r) => /^[一二三四五六七八九十]、/.test(text(r.cells[0])));
    expect(headings.map((r) => text(r.cells[0]))).toEqual(data.groups.map((g) => g.stated!.printed));
    data.groups.forEach((g, i) => {
      const h = headings[i]!;
      expect(g.stated!.source.line).toBe(h.line);
      const m = /^(.+?)、(.+?)（(\d+)项([\d.]+)亿元）$/.exec(text(h.cells[0]))!;
      expect([String(g.number), g.name, g.stated!.count, g.stated!.investmentWan]).toEqual([m[1], m[2], Number(m[3]), Math.round(Number(m[4]) * 10000)]);
    });
    const total = rows[rows.length - 1]!;
    expect(total.cells.map((c) => text(c))).toEqual(['合计', String(data.stated.investmentWan)]);
    // the figure's cell, not the 合计 label's
    expect(data.stated.source.line).toBe(total.cells[1]!.line);
    expect(data.stated.printed).toBe(text(total.cells[1]));
  });

  it('every project matches its row cell by cell (merged category cells carried down and marked)', () => {
    const p = new Problems();
    const projectRows = rows.filter((r) => r.cells.length === 10);
    expect(projectRows.map((r) => Number(text(r.cells[0])))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    let group = '';
    let category = '';
    let subCategory = '';
    for (const r of rows) {
      const head = text(r.cells[0]);
      const g = /^[一二三四五]、(.+?)（/.exec(head);
      if (g) {
        group = g[1]!;
        continue;
      }
      if (r.cells.length !== 10) continue;
      const [no, cat, sub, name, content, inv, years, lead, origin, indicators] = r.cells.map((c) => text(c)) as [string, string, string, string, string, string, string, string, string, string];
      const x = data.projects.find((y) => y.number === Number(no));
      const at = `project ${no}`;
      if (!x) {
        p.ok(false, `${at} missing`);
        continue;
      }
      p.eq(x.source.line, r.line, `${at} line`);
      p.eq(x.group, group, `${at} group`);
      if (cat) category = cat;
      if (sub) subCategory = sub;
      p.eq([x.category, x.categoryInherited ?? false], [category, cat === ''], `${at} category (inherited)`);
      p.eq([x.subCategory, x.subCategoryInherited ?? false], [subCategory, sub === ''], `${at} subCategory (inherited)`);
      p.eq(x.name, name, `${at} name`);
      p.eq(x.content, content, `${at} content`);
      p.eq([x.investmentPrinted, x.investmentWan], [inv, Number(inv)], `${at} investment`);
      const y = /^(\d{4})(?:—(\d{4}))?$/.exec(years);
      p.eq(x.years, y ? { printed: years, start: Number(y[1]), end: Number(y[2] ?? y[1]) } : years, `${at} years`);
      // a unit name wrapped over two lines (工业园区/管委会) is one unit
      p.eq(x.leadUnits?.join(''), lead, `${at} leadUnits`);
      p.eq(x.origin, origin, `${at} origin`);
      p.eq(x.indicators, indicators.split('、'), `${at} indicators`);
    }
    p.assertNone();
  });
});

describe('projects of 000 (第五章 重点工程项目, prose)', () => {
  const s = seed('000');
  const data = projects('qianjiang-apeng-two-mountains');

  it('6 groups, 29 projects, about 82.9亿元, each group as its paragraph states', () => {
    expect(data.groups).toHaveLength(6);
    expect(data.stated).toMatchObject({ count: 29, investmentWan: 829000 });
    expect(lineAt(s, data.stated.source.line)).toContain('6大类29个重点工程项目，总投资约82.9亿元');
    expect(data.groups.reduce((a, g) => a + g.stated!.count, 0)).toBe(29);
    expect(data.groups.reduce((a, g) => a + g.stated!.investmentWan!, 0)).toBe(829000);
    for (const g of data.groups) {
      const para = lineAt(s, g.stated!.source.line);
      const m = /^(.+?)包括(.+)等(\d+)个具体项目，投资约([\d.]+)亿元。$/.exec(para.replace(/^\[bookmark: [^\]]*\]/, ''));
      expect(m, para).not.toBeNull();
      expect([m![1], Number(m![3]), Math.round(Number(m![4]) * 10000)]).toEqual([g.name, g.stated!.count, g.stated!.investmentWan]);
      // the projects named in the paragraph, in order (the rest are only in 附件二, not in the text)
      expect(data.projects.filter((x) => x.group === g.name).map((x) => x.name)).toEqual(m![2]!.split(/、|和/));
      // the heading above the paragraph: （一）…（六）
      expect(lineAt(s, g.stated!.source.line - 1)).toMatch(new RegExp(`（[一二三四五六]）${g.name}$`));
    }
  });
});

// ------------------------------------------------------------------------------------------------

describe('stated summaries agree with the data', () => {
  const fw = framework('national-demo-county');
  const data = planData('wushan-demo-county', 'national-demo-county');

  it('national: 43 items, 35 for a county without sea (19 约束性, 16 参考性); 2021 29 met and 6 not', () => {
    const applicable = fw.indicators.filter((i) => !i.applicability);
    expect(fw.indicators).toHaveLength(43);
    expect(applicable).toHaveLength(35);
    expect(applicable.filter((i) => i.attribute === '约束性')).toHaveLength(19);
    expect(applicable.filter((i) => i.attribute === '参考性')).toHaveLength(16);
    const l118 = lineAt(seed('001'), 118);
    expect(l118).toContain('一共43项指标');
    expect(l118).toContain('巫山县实际仅考核35项指标，其中约束性指标19项，参考性指标16项');
    const notMet = applicable.filter((i) => data.entries.some((e) => e.number === i.number && e.statedStatus?.printed === '未达标'));
    const summary = catalog.plans.find((x) => x.plan.id === 'wushan-demo-county')!.plan.statedSummaries!.find((x) => x.framework === fw.id)!;
    expect(summary.counts).toEqual({ applicable: 35, met: 29, notMet: 6 });
    expect(notMet.map((i) => i.name)).toEqual(['生态文明建设规划', '三大粮食作物化肥农药利用率', '农业废弃物综合利用率', '村镇饮用水卫生合格率', '农村生活污水治理率', '城镇新建绿色建筑比例']);
    expect(applicable.length - notMet.length).toBe(29);
  });
});

// ------------------------------------------------------------------------------------------------
// The reference tables in ../shared/reference were drawn up independently. Where they agree with
// the data the figure is confirmed twice; where they differ the seed wins, and only the seed is asserted.

describe('reference tables (../shared/reference)', () => {
  const s001 = seed('001');
  const nat = planData('wushan-demo-county', 'national-demo-county');
  const ref = readReference('001_indicators.csv').filter((r) => r.source_table?.startsWith('T1'));
  const refRow = (no: string, sub = '') => {
    const r = ref.find((x) => x.no === no && x.sub_indicator_zh === sub);
    if (!r) throw new Error(`reference has no T1 row ${no} ${sub}`);
    return r;
  };

  it('a handful of 巫山县 2021 figures and targets agree across seed, reference and data', () => {
    const cases: Array<[string, string | undefined, string, string, string, string]> = [
      // number, part, 现状值, 达标, 2024, 2027
      ['3', undefined, '24', '达标', '≥20', '≥20'],
      ['22', undefined, '8.05', '达标', '≥4.5', '≥4.5'],
      ['25', '化肥利用率', '40', '未达标', '≥43', '≥43'],
      ['26', '秸秆综合利用率', '86', '未达标', '≥90', '≥90'],
      ['26', '畜禽粪污综合利用率', '91.17', '达标', '≥90', '≥90'],
      ['29', undefined, '49.3【4】', '未达标', '100', '100'],
      ['30', undefined, '>90【5】', '达标', '>90', '>92'],
      ['31', undefined, '24.3', '未达标', '50', '60'],
      ['36', undefined, '22', '未达标', '>80', '100'],
      ['40', undefined, '>90', '达标', '>90', '>95'],
      ['42', undefined, '84.52【6】', '达标', '≥85', '≥85'],
      ['43', undefined, '>80', '达标', '≥80', '≥85'],
    ];
    for (const [no, part, value, status, t24, t27] of cases) {
      const e = entry(nat, no, part);
      const r = refRow(no, part);
      const got = [e.observations![0]!.printed, e.statedStatus!.printed, e.targets![0]!.printed, e.targets![1]!.printed];
      expect(got, `data ${no} ${part ?? ''}`).toEqual([value, status, t24, t27]);
      expect([r.baseline_value, r.status_2021, r.target_2024_near, r.target_2027_long], `reference ${no}`).toEqual([value, status, t24, t27]);
      const lines = [e.observations![0]!.source!, e.statedStatus!.source!, e.targets![0]!.source!, e.targets![1]!.source!].map((x) => lineAt(s001, x.line));
      expect(lines, `seed ${no}`).toEqual([value, status, t24, t27]);
    }
  });

  it('表1: every value, status and target either agrees with the reference or is what the seed prints', () => {
    const p = new Problems();
    const disagreements: string[] = [];
    const fw = framework('national-demo-county');
    for (const r of ref) {
      if (!r.no || r.applicable !== 'yes') continue;
      // the reference lists qualifiers (湿润地区, 山区) as sub-indicators; the data only parts
      const e = entry(nat, r.no, item(fw, r.no).parts ? r.sub_indicator_zh : undefined);
      const pairs: Array<[string, { printed: string; source?: SourceRef } | undefined, string]> = [
        ['现状值', e.observations?.[0], r.baseline_value ?? ''],
        ['达标', e.statedStatus, r.status_2021 ?? ''],
        ['2024', e.targets?.find((t) => t.year === 2024), r.target_2024_near ?? ''],
        ['2027', e.targets?.find((t) => t.year === 2027), r.target_2027_long ?? ''],
      ];
      for (const [label, d, want] of pairs) {
        if (d?.printed === want) continue;
        disagreements.push(`${r.no} ${r.sub_indicator_zh} ${label}`);
        // the seed wins: the data's text must be what the cited line prints
        const m = d?.source ? locate(s001, d.source.line, d.printed, { maxOffset: 0 }) : undefined;
        p.ok(m !== undefined, `${r.no} ${label}: data ${d?.printed} differs from reference ${want} and is not at ${where(d?.source)}`);
      }
    }
    p.assertNone();
    // the reference keeps only the part's own paragraph of the joint 现状值 cell of item 8
    expect(disagreements).toEqual(['8 劣V类水体比例下降幅度 现状值', '8 黑臭水体消除比例 现状值']);
  });

  it('表1 13: the seed prints the unit 公里/ (the reference says 公里) — the seed wins', () => {
    expect(refRow('13', '自然岸线修复长度').unit).toBe('公里');
    const part = item(framework('national-demo-county'), '13').parts![0]!;
    expect(part.unit).toBe('公里/');
    expect(lineAt(s001, 344)).toBe('公里/');
  });

  it('000: all 20 requirements, values, targets and lead units agree with the reference', () => {
    const data = planData('qianjiang-apeng-two-mountains', 'two-mountains-base');
    const fw = framework('two-mountains-base');
    const rows = readReference('000_indicators.csv');
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      const e = entry(data, r.no!);
      expect([item(fw, r.no!).name, item(fw, r.no!).requirement, e.observations![0]!.printed, e.targets![0]!.printed, e.leadUnits!.join('、')], `item ${r.no}`).toEqual([
        r.indicator_zh,
        r['requirement_zh(指标要求)'],
        r.baseline_value_raw,
        r.target_value_raw,
        r['lead_unit_zh(牵头单位)'],
      ]);
    }
  });

  it('001 projects: all 80 names, investments and years agree with the reference', () => {
    const data = projects('wushan-demo-county');
    const rows = readReference('001_projects.csv');
    expect(rows).toHaveLength(80);
    for (const r of rows) {
      const x = data.projects.find((y) => y.number === Number(r.no))!;
      expect([x.name, x.investmentWan, x.years?.printed, x.source.line], `project ${r.no}`).toEqual([r.project_name, Number(r.investment_wan_yuan), r.implementation_years, Number(r.source_line)]);
    }
  });
});

