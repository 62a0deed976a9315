// Whatever a document holds, the content parts do not throw, do not hang, and give data of the data files' shape.
import { describe, expect, it } from 'vitest';
import { projectsFileSchema, tasksFileSchema } from '../../../src/data/schema.ts';
import type { Block, PlanDocument } from '../../../src/domain/planImport/document.ts';
import { extractPlanInfo } from '../../../src/domain/planImport/planInfo.ts';
import { extractProjects } from '../../../src/domain/planImport/projects.ts';
import { extractProseTargets } from '../../../src/domain/planImport/proseTargets.ts';
import { extractTasks } from '../../../src/domain/planImport/tasks.ts';
import { table } from './build.ts';

const PIECES = [
  '第三章', '第一节', '一、', '（一）', '1.', '重点任务', '建设', '保障措施', '规划目标', '到2025年', '2022—2024', '达到', '力争达到', '建成',
  '85%', '≥40%', '以上', '合计', '小计', '项目名称', '投资（万元）', '（31项20.5455亿元）', '亿元', '包括', '等', '个具体项目', '，', '。', '；',
  '《', '》', '（', '）', '县', '区', '人民政府', '下设办公室', '在', '局', '\t', '12', '0.5', '规划时限为', '基准年为', '领导小组', '达', '双增长',
];

function rand(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomDocument(seed: number): PlanDocument {
  const r = rand(seed);
  const text = (n: number) => Array.from({ length: Math.floor(r() * n) }, () => PIECES[Math.floor(r() * PIECES.length)]).join('');
  const blocks: Block[] = [];
  let line = 1;
  for (let i = 0; i < 60; i++) {
    if (r() < 0.15) {
      const width = 1 + Math.floor(r() * 8);
      const rows = Array.from({ length: 1 + Math.floor(r() * 8) }, () => Array.from({ length: width }, () => text(4)));
      blocks.push(table(rows, line, blocks.filter((b) => b.kind === 'table').length + 1));
      line += rows.length * (width + 1);
    } else {
      const p: Block = { kind: 'paragraph', text: text(12), line: line++ };
      if (r() < 0.2) p.headingLevel = 1 + Math.floor(r() * 3);
      blocks.push(p);
    }
  }
  return { name: 'fuzz.docx', format: 'docx', lines: [], blocks, footnotes: [] };
}

describe('fuzz: random documents built from plan words', () => {
  it('500 documents: no throw, data of the data files\' shape, quickly', () => {
    const ctx = { documentId: 'F', builtinFrameworks: [] };
    const started = Date.now();
    for (let seed = 1; seed <= 500; seed++) {
      const doc = randomDocument(seed);
      expect(() => extractPlanInfo(doc, ctx)).not.toThrow();
      const projects = extractProjects(doc, ctx, 'plan-f').value;
      if (projects) expect(projectsFileSchema.safeParse(projects).success, `seed ${seed}: ${JSON.stringify(projectsFileSchema.safeParse(projects).error?.issues?.[0])}`).toBe(true);
      const tasks = extractTasks(doc, ctx, 'plan-f').value;
      if (tasks) expect(tasksFileSchema.safeParse(tasks).success, `seed ${seed}`).toBe(true);
      expect(() => extractProseTargets(doc, ctx, [])).not.toThrow();
    }
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('a long run of target verbs without punctuation does not make the reading slow', () => {
    const doc: PlanDocument = {
      name: 'x', format: 'text', lines: [], footnotes: [],
      blocks: [
        { kind: 'paragraph', text: '第一章 规划目标', line: 1 },
        { kind: 'paragraph', text: `到2025年${'达到增加'.repeat(50_000)}`, line: 2 },
        { kind: 'paragraph', text: '第二章 重点任务', line: 3 },
        { kind: 'paragraph', text: `加强。${'达到增加'.repeat(50_000)}`, line: 4 },
      ],
    };
    const ctx = { documentId: 'F', builtinFrameworks: [] };
    const started = Date.now();
    extractProseTargets(doc, ctx, []);
    extractTasks(doc, ctx, 'p');
    extractProjects(doc, ctx, 'p');
    extractPlanInfo(doc, ctx);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
