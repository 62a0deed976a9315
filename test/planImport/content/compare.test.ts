// The three seed plans in text form, read by the plan-content parts and compared field by field with the
// hand-transcribed built-in data: plan facts, projects and key tasks. Every difference is printed.
import { describe, expect, it } from 'vitest';
import { extractPlanInfo } from '../../../src/domain/planImport/planInfo.ts';
import { extractProjects } from '../../../src/domain/planImport/projects.ts';
import { extractProseTargets } from '../../../src/domain/planImport/proseTargets.ts';
import { extractTasks } from '../../../src/domain/planImport/tasks.ts';
import { compareContent, countClauses, formatDifferences, type Comparison } from '../../helpers/planCompareContent.ts';
import { builtin, builtinFrameworks, ctxFor, seedDocument } from './seeds.ts';

function run(id: string) {
  const doc = seedDocument(id);
  const ctx = ctxFor(id);
  const plan = builtin(id);
  const info = extractPlanInfo(doc, ctx);
  const projects = extractProjects(doc, ctx, plan.plan.id);
  const tasks = extractTasks(doc, ctx, plan.plan.id);
  const prose = extractProseTargets(doc, ctx, []);
  const comparison = compareContent(id, plan, { info: info.value, projects: projects.value, tasks: tasks.value, proseTargets: prose.value }, builtinFrameworks());
  return { plan, info, projects, tasks, comparison };
}

const results = new Map<string, ReturnType<typeof run>>();
const get = (id: string) => {
  if (!results.has(id)) results.set(id, run(id));
  return results.get(id)!;
};

describe('plan content read from the seeds, compared with data/', () => {
  const all: Comparison[] = [];
  for (const id of ['000', '001', '003']) {
    it(`${id}: at least 99 % of the compared fields agree; every difference is printed`, () => {
      const { comparison } = get(id);
      console.log(formatDifferences(id, comparison));
      all.push(comparison);
      expect(comparison.compared).toBeGreaterThan(30);
      expect(comparison.agreed / comparison.compared).toBeGreaterThanOrEqual(0.99);
      // a difference without a known reason is the import's fault: there are none today
      expect(comparison.differences.filter((d) => !d.reason)).toEqual([]);
    });
  }

  it('all three together: at least 99 % agree, and the one known data/ fault is reported with its reason', () => {
    for (const id of ['000', '001', '003']) if (!all.some((c) => c === get(id).comparison)) all.push(get(id).comparison);
    const compared = all.reduce((s, c) => s + c.compared, 0);
    const agreed = all.reduce((s, c) => s + c.agreed, 0);
    console.log(`all: ${agreed}/${compared} fields agree (${((100 * agreed) / compared).toFixed(2)} %)`);
    expect(compared).toBeGreaterThan(2500);
    expect(agreed / compared).toBeGreaterThanOrEqual(0.99);
    // the 合计 figure stands on line 2702; data/ cited 2701 (a known fault another part fixes): while it does,
    // the difference is listed with its reason
    expect(get('001').projects.value!.stated.source.line).toBe(2702);
    const cited = get('001').plan.projects!.stated.source.line;
    const known = get('001').comparison.differences.find((d) => d.where === 'projects.stated' && d.field === 'source.line');
    if (cited === 2701) {
      expect(known).toMatchObject({ expected: 2701, actual: 2702 });
      expect(known?.reason).toMatch(/2702/);
    } else expect(known).toBeUndefined();
  });
});

describe('001: the project table', () => {
  it('80 projects adding up to 513,306 万元, as the 合计 row states, with no finding', () => {
    const { projects } = get('001');
    const p = projects.value!;
    expect(p.projects).toHaveLength(80);
    expect(p.projects.reduce((s, x) => s + (x.investmentWan ?? 0), 0)).toBe(513306);
    expect(p.stated).toMatchObject({ count: 80, investmentWan: 513306, printed: '513306', source: { document: '001', line: 2702 } });
    expect(projects.findings).toEqual([]);
    // a project's source is its row: the line of its first cell and its place in the table
    expect(p.projects[0]!.source).toEqual({ document: '001', line: 1745, table: 3, row: 3 });
  });

  it('five groups with their stated counts and sums in exact 万元, each equal to its rows', () => {
    const p = get('001').projects.value!;
    expect(p.groups.map((g) => [g.number, g.name, g.stated?.count, g.stated?.investmentWan])).toEqual([
      ['一', '生态安全保障工程', 31, 205455],
      ['二', '生态空间优化工程', 4, 1900],
      ['三', '生态经济发展工程', 17, 114818],
      ['四', '生态生活示范工程', 21, 155692],
      ['五', '生态文化繁荣工程', 7, 35441],
    ]);
    for (const g of p.groups) {
      const rows = p.projects.filter((x) => x.group === g.name);
      expect(rows.length).toBe(g.stated!.count);
      expect(rows.reduce((s, x) => s + (x.investmentWan ?? 0), 0)).toBe(g.stated!.investmentWan);
    }
  });

  it('merged category cells carry the value above, marked inherited; multi-line cells are joined', () => {
    const p = get('001').projects.value!;
    const n2 = p.projects.find((x) => x.number === 2)!;
    expect(n2).toMatchObject({ category: '碧水保卫战工程', categoryInherited: true, subCategory: '水资源供给保障工程', subCategoryInherited: true });
    const n5 = p.projects.find((x) => x.number === 5)!;
    expect(n5.origin).toBe('巫山发改审〔2022〕90号');
    const n53 = p.projects.find((x) => x.number === 53)!;
    expect(n53.leadUnits).toEqual(['县住房城乡建委']);
    const n79 = p.projects.find((x) => x.number === 79)!;
    expect(n79.years).toEqual({ printed: '2022', start: 2022, end: 2022 });
  });

  it('keeps the text\'s own project statement beside the table', () => {
    const p = get('001').projects.value!;
    expect(p.statedProse?.source.line).toBe(1701);
    expect(p.statedProse?.printed).toContain('80个具体项目');
  });
});

describe('000: projects named in prose', () => {
  it('29 projects and 82.9 亿元 stated (approximate), 6 categories whose stated counts and sums add up to it', () => {
    const { projects } = get('000');
    const p = projects.value!;
    expect(p.stated).toMatchObject({ count: 29, investmentWan: 829000, approximate: true, source: { line: 458 } });
    expect(p.groups).toHaveLength(6);
    expect(p.groups.reduce((s, g) => s + g.stated!.count, 0)).toBe(29);
    expect(p.groups.reduce((s, g) => s + g.stated!.investmentWan!, 0)).toBe(829000);
    expect(p.groups.map((g) => g.stated!.investmentWan)).toEqual([64000, 155000, 50000, 127000, 277000, 156000]);
    expect(p.projects).toHaveLength(22);
    expect(p.projects.filter((x) => x.group === '清洁能源建设工程').map((x) => x.name)).toEqual(['麒麟风电场', '金洞风电场', '屋顶分布式光伏']);
    expect(projects.findings).toEqual([]);
  });
});

describe('key tasks', () => {
  it('001: 134 task clauses in chapters 三 to 八; 九 (重点工程) and 十 (保障措施) are not task chapters', () => {
    const t = get('001').tasks.value!;
    expect(countClauses(t)).toBe(134);
    expect(t.tasks.map((c) => c.number)).toEqual(['第三章', '第四章', '第五章', '第六章', '第七章', '第八章']);
  });

  it('000: 50 task clauses under 第四章 重点任务, in five 节', () => {
    const t = get('000').tasks.value!;
    expect(countClauses(t)).toBe(50);
    expect(t.tasks.map((c) => `${c.number} ${c.title}`)).toEqual(['第四章 重点任务']);
    expect(t.tasks[0]!.tasks!.map((s) => s.number)).toEqual(['第一节', '第二节', '第三节', '第四节', '第五节']);
  });

  it('000 line 397: the clause keeps its figures with their year', () => {
    const t = get('000').tasks.value!;
    const clauses = t.tasks.flatMap(function all(n): NonNullable<typeof n.clauses> {
      return [...(n.clauses ?? []), ...(n.tasks ?? []).flatMap(all)];
    });
    const c = clauses.find((x) => x.source.line === 397)!;
    expect(c.title).toBe('加强农业农村污水治理');
    expect(c.figures).toEqual(
      expect.arrayContaining([
        { name: '阿蓬江流域农村生活污水治理率', printed: '达到40%以上', year: 2028 },
        { name: '畜禽粪污综合利用率', printed: '达到90%以上', year: 2028 },
      ]),
    );
  });

  it('003 (a policy reading, not a plan) has no task chapter', () => {
    expect(get('003').tasks.value).toBeNull();
  });
});

describe('plan facts', () => {
  it('001: phases and milestones as printed', () => {
    const { info } = get('001');
    expect(info.value.phases.map((p) => [p.name, p.start, p.end, p.source.line])).toEqual([
      ['建设期', 2022, 2025, 84],
      ['巩固期', 2026, 2028, 85],
      ['建设期', 2022, 2025, 104],
      ['巩固期', 2026, 2028, 105],
    ]);
  });

  it('000: 近期 and 远期 phases, issuer and office', () => {
    const { info } = get('000');
    expect(info.value.phases.map((p) => [p.name, p.start, p.end])).toEqual([
      ['近期', 2023, 2024],
      ['远期', 2025, 2028],
    ]);
    expect(info.value.issuer).toBe('重庆市黔江区人民政府办公室');
    expect(info.value.office).toMatchObject({ unit: '区生态环境局', source: { line: 489 } });
  });
});
