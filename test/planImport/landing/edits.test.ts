// A reviewer's corrections (src/domain/planImport/edits.ts) and the differences of a revised document
// (differences.ts): what each correction changes, every malformed one refused in Chinese naming it, and the
// differences listed field by field, rows removed or added first.
import { describe, expect, it } from 'vitest';
import { applyEdits, EditError, readEdits } from '../../../src/domain/planImport/edits.ts';
import { planDifferences } from '../../../src/domain/planImport/differences.ts';
import { toImportJson } from '../../../src/domain/planImport/json.ts';
import { LIMITS } from '../../../src/domain/limits.ts';
import { extractedFrom } from './fixture.ts';

const x = extractedFrom('wushan-demo-county', { id: 'plan-e', title: '巫山县规划（核对）' });
const fw = x.frameworks[0]!;
const entry = fw.data.entries.find((e) => (e.targets ?? []).length > 0 && (e.observations ?? []).length > 0)!;

describe('reading corrections', () => {
  it('refuses what is not a correction, naming which one and why', () => {
    const refused = (raw: unknown) => {
      try {
        readEdits(raw);
      } catch (e) {
        expect(e).toBeInstanceOf(EditError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refused([])).toBe('请给出至少一处修改。');
    expect(refused([{ kind: 'planField', field: 'title', value: 'a' }, { kind: 'planField', field: 'id', value: 'x' }])).toBe('第 2 处修改的栏目“id”不能修改。');
    expect(refused([{ kind: 'project', field: 'name', value: 'x', index: -1 }])).toContain('第 1 处修改不完整');
    expect(refused([{ kind: 'indicator', framework: 'f', number: '1', field: 'target', year: 1800, value: '≥1' }])).toBe('第 1 处修改的年份“1800”不对：应为 1949 至 2100 之间的四位年份。');
    expect(refused([{ kind: 'sql', field: 'x', value: '' }])).toBe('第 1 处修改的对象“sql”不认识：应为规划、指标、项目或任务。');
    expect(refused([{ kind: 'task', index: 0, field: 'text', value: 'x'.repeat(LIMITS.textChars + 1) }])).toBe(`第 1 处修改的内容超过 ${LIMITS.textChars} 个字。`);
    expect(refused(Array.from({ length: LIMITS.listEntries + 1 }, () => ({ kind: 'task', index: 0, field: 'text', value: 'x' })))).toContain('超过上限');
  });
});

describe('applying corrections', () => {
  it('changes exactly the fields named, on a copy', () => {
    const year = entry.targets![0]!.year;
    const y = applyEdits(x, [
      { kind: 'indicator', framework: fw.matched!, number: entry.number, ...(entry.part ? { part: entry.part } : {}), field: 'target', year, value: '≥77' },
      { kind: 'indicator', framework: fw.matched!, number: entry.number, ...(entry.part ? { part: entry.part } : {}), field: 'leadUnits', value: '县林业局、县水利局' },
      { kind: 'planField', field: 'targetYears', value: '2027，2024' },
      { kind: 'project', index: 1, field: 'period', value: '2023—2026年' },
      { kind: 'task', index: 0, field: 'text', value: '改写后的任务。' },
    ]);
    const e = y.frameworks[0]!.data.entries.find((en) => en.number === entry.number && en.part === entry.part)!;
    expect(e.targets!.find((tg) => tg.year === year)!.printed).toBe('≥77');
    expect(e.leadUnits).toEqual(['县林业局', '县水利局']);
    expect(y.plan.targetYears).toEqual([2024, 2027]);
    expect(y.projects!.projects[1]!.years).toEqual({ printed: '2023—2026年', start: 2023, end: 2026 });
    expect(toImportJson(y).tasks[0]!.text).toBe('改写后的任务。');
    // the original is untouched
    expect(x.frameworks[0]!.data.entries.find((en) => en.number === entry.number && en.part === entry.part)!.targets!.find((tg) => tg.year === year)!.printed).toBe(entry.targets![0]!.printed);
  });

  it('refuses a value that cannot stand, in the plan office’s words', () => {
    expect(() => applyEdits(x, [{ kind: 'planField', field: 'baseYear', value: '二〇二一' }])).toThrow('基准年“二〇二一”不对');
    expect(() => applyEdits(x, [{ kind: 'project', index: 0, field: 'investmentWan', value: '很多' }])).toThrow('投资“很多”不对');
    expect(() => applyEdits(x, [{ kind: 'project', index: 0, field: 'period', value: '近期' }])).toThrow('建设年限“近期”不对');
    expect(() => applyEdits(x, [{ kind: 'indicator', framework: fw.matched!, number: '1', field: 'unit', value: '个' }])).toThrow('是系统内置的指标体系');
    expect(() => applyEdits(x, [{ kind: 'indicator', framework: fw.matched!, number: '999', field: 'baseline', value: '1' }])).toThrow('中没有第 999 项指标');
    expect(() => applyEdits(x, [{ kind: 'planField', field: 'title', value: '  ' }])).toThrow('规划名称不能为空。');
  });
});

describe('differences of a revised document', () => {
  it('lists rows removed and added first, then fields changed, each with before and after', () => {
    const revised = structuredClone(x);
    const removed = revised.projects!.projects.shift()!;
    revised.projects!.projects[0]!.investmentWan = 1;
    revised.plan.baseYear = 2022;
    const d = planDifferences(toImportJson(x), toImportJson(revised));
    expect(d[0]).toEqual({ area: 'plan', change: 'changed', label: '规划', field: '基准年', before: '2021', after: '2022' });
    const projects = d.filter((z) => z.area === 'project');
    expect(projects[0]).toEqual({ area: 'project', change: 'removed', label: `项目“${removed.name}”`, field: null, before: null, after: null });
    expect(projects).toContainEqual({ area: 'project', change: 'changed', label: `项目“${revised.projects!.projects[0]!.name}”`, field: '投资（万元）', before: String(x.projects!.projects[1]!.investmentWan), after: '1' });
    expect(planDifferences(toImportJson(x), toImportJson(x))).toEqual([]);
  });
});
