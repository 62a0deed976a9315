// A realistic extraction for the landing tests: a built-in plan's files (data/) under a new plan id and title,
// as the extraction would give them for a document of that plan. ownFrameworks: the tables read as the plan's
// own frameworks (new ids) instead of recognised as the built-in ones.
import { loadCatalog } from '../../../src/data/load.ts';
import type { ExtractedPlan } from '../../../src/domain/planImport/types.ts';

const catalog = loadCatalog();

export function builtinPlan(id: string) {
  const p = catalog.plans.find((x) => x.plan.id === id);
  if (!p) throw new Error(`no built-in plan ${id}`);
  return p;
}

export function extractedFrom(builtinId: string, o: { id: string; title: string; region?: string; ownFrameworks?: boolean; documentId?: string }): ExtractedPlan {
  const loaded = structuredClone(builtinPlan(builtinId));
  const docId = o.documentId ?? 'doc-test';
  const fwIds = new Map<string, string>();
  const frameworks = loaded.indicatorData.map((data) => {
    const fw = structuredClone(catalog.frameworks.find((f) => f.id === data.framework)!);
    if (!o.ownFrameworks) return { matched: fw.id, framework: fw, data: { ...data, plan: o.id } };
    const id = `${fw.id}-own`;
    fwIds.set(fw.id, id);
    return { matched: null, framework: { ...fw, id, name: `${fw.name}（本规划）` }, data: { ...data, plan: o.id, framework: id } };
  });
  const plan = {
    ...loaded.plan,
    id: o.id,
    title: o.title,
    region: o.region ?? loaded.plan.region,
    document: { id: docId, file: `${o.title}.txt`, title: o.title },
    frameworks: loaded.plan.frameworks.map((f) => fwIds.get(f) ?? f),
    ...(loaded.plan.statedSummaries ? { statedSummaries: loaded.plan.statedSummaries.map((s) => ({ ...s, framework: fwIds.get(s.framework) ?? s.framework })) } : {}),
  };
  return {
    document: { id: docId, name: `${o.title}.txt`, format: 'text' },
    plan,
    frameworks,
    projects: loaded.projects ? { ...loaded.projects, plan: o.id } : null,
    tasks: loaded.tasks ? { ...loaded.tasks, plan: o.id } : null,
    proseTargets: [],
    findings: [
      { kind: 'unknownPhrase', message: '第 5 项的目标值“显著改善”读不出。', source: { line: 12, table: 1, row: 6, column: 5 } },
      { kind: 'subtotalMismatch', message: '第一类项目所列合计 12 个，表中有 11 个。', source: { line: 40 } },
    ],
  };
}

export const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行的文字`);
