// A plan read from its document assesses as the hand-transcribed one does. Read from the text form and from a
// .docx built from it, 000's indicators give Qianjiang's statuses and achievability classes unchanged. 001 needs
// two corrections a reviewer makes on the 规划导入 page (the import keeps what is printed and guesses neither):
// - national No. 8: the cell prints "完成上级规定的考核任务，水质全部达到或优于Ⅲ类，/无劣Ⅴ类水体/无黑臭水体", one
//   sentence over three parts; read line by line, parts 2 and 3 lack the shared opening clause, which the hand
//   transcription gives them;
// - Chongqing No. 26: table 2 misprints "2"; table 1's note 【5】 gives the figure, 91.73％.
// With those two edits (applyEdits, as the review page sends them), 001 assesses 35 applicable / 29 met / 6 not met
// nationally and 92 points on the Chongqing table, as the built-in plan does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, type LoadedPlan } from '../../src/data/load.ts';
import { confirmationsFor, leafDataFromFile, regionTraits } from '../../src/data/toEngine.ts';
import { assessFramework, compileFramework, type FrameworkDef } from '../../src/domain/assess.ts';
import { applyEdits, type FieldEdit } from '../../src/domain/planImport/edits.ts';
import { extractPlan } from '../../src/domain/planImport/extract.ts';
import { parseTextForm } from '../../src/domain/planImport/textForm.ts';
import type { ExtractedPlan } from '../../src/domain/planImport/types.ts';
import { readPlanDocument } from '../../src/exchange/planDocument/read.ts';
import { SEEDS_DIR } from '../data/seed-text.ts';
import { planDocx } from '../helpers/planDocx.ts';

const catalog = loadCatalog();
const ctx = (id: string) => ({ documentId: id, builtinFrameworks: catalog.frameworks });

async function imported(file: string, form: 'text' | 'docx'): Promise<ExtractedPlan> {
  const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
  const bytes = form === 'text' ? Buffer.from(text) : await planDocx(parseTextForm(file, text));
  return extractPlan(await readPlanDocument(form === 'text' ? file : file.replace(/\.txt$/, '.docx'), bytes), ctx(file.slice(0, 3)));
}

/** The assessment of a framework of the plan with the given data, in the plan's base year, with the plan's confirmations. */
function assess(plan: LoadedPlan, frameworkId: string, data: ExtractedPlan['frameworks'][number]['data'] | undefined) {
  const file = catalog.frameworks.find((f) => f.id === frameworkId)!;
  const compiled = compileFramework(file as unknown as FrameworkDef, regionTraits(catalog, plan.plan.region));
  const a = assessFramework(compiled, leafDataFromFile(file, data ?? plan.indicatorData.find((d) => d.framework === frameworkId)!), {
    year: plan.plan.baseYear!,
    targetYears: plan.plan.targetYears,
    confirmations: confirmationsFor(plan, frameworkId),
  });
  return { applicable: a.applicable, met: a.met, notMet: a.notMet, indeterminate: a.indeterminate, noData: a.noData, notApplicable: a.notApplicable, score: a.score ?? null, classes: a.classes };
}

const REVIEWER: FieldEdit[] = [
  { kind: 'indicator', framework: 'national-demo-county', number: '8', part: '劣V类水体比例下降幅度', field: 'baseline', value: '完成上级规定的考核任务；无劣Ⅴ类水体' },
  { kind: 'indicator', framework: 'national-demo-county', number: '8', part: '黑臭水体消除比例', field: 'baseline', value: '完成上级规定的考核任务；无黑臭水体' },
  { kind: 'indicator', framework: 'chongqing-demo-county', number: '26', field: 'baseline', value: '91.73％' },
];

describe.each(['text', 'docx'] as const)('a plan read from its %s form assesses as the built-in one', (form) => {
  it('000: Qianjiang’s statuses and achievability classes', async () => {
    const x = await imported('000_9ad0d339f6e47581.txt', form);
    const plan = catalog.plans.find((p) => p.plan.id === 'qianjiang-apeng-two-mountains')!;
    const fw = x.frameworks.find((f) => f.matched === 'two-mountains-base')!;
    expect(assess(plan, 'two-mountains-base', fw.data)).toEqual(assess(plan, 'two-mountains-base', undefined));
  });

  it('001: after the reviewer’s two corrections, 35 / 29 / 6 and 92 points', async () => {
    const plan = catalog.plans.find((p) => p.plan.id === 'wushan-demo-county')!;
    const raw = await imported('001_b49ddb4fbe827741.txt', form);
    // as read, the two places differ (and only those)
    const national = (x: ExtractedPlan) => assess(plan, 'national-demo-county', x.frameworks.find((f) => f.matched === 'national-demo-county')!.data);
    const chongqing = (x: ExtractedPlan) => assess(plan, 'chongqing-demo-county', x.frameworks.find((f) => f.matched === 'chongqing-demo-county')!.data);
    expect(national(raw)).toMatchObject({ met: 28, indeterminate: 1, notMet: 6 });
    expect(chongqing(raw).score).toMatchObject({ min: 90, max: 90 });
    const reviewed = applyEdits(raw, REVIEWER);
    expect(national(reviewed)).toEqual(assess(plan, 'national-demo-county', undefined));
    expect(national(reviewed)).toMatchObject({ applicable: 35, met: 29, notMet: 6 });
    expect(chongqing(reviewed)).toEqual(assess(plan, 'chongqing-demo-county', undefined));
    expect(chongqing(reviewed).score).toMatchObject({ min: 92, max: 92 });
  });
});
