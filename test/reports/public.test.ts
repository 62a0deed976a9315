// 信息公开: one public page with the counts, the score, headline indicators and the projects — and none of the
// internal notes (reasons, footnotes, confirmations, responsible units, the plan office's own judgements).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan, type PlanAssessment } from '../../src/app/assessPlan.ts';
import { generateReport } from '../../src/reports/generate.ts';
import { SharedPrinter } from '../../src/reports/render/pdf.ts';
import { openDocx, openPdf, squeeze, tableWithHeader } from '../helpers/reportFiles.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

/** Everything internal the assessment carries, as it would read in a document. */
function internalNotes(a: PlanAssessment): string[] {
  const notes = new Set<string>();
  for (const f of a.frameworks) {
    for (const s of f.stated) notes.add(s.printed);
    for (const r of f.results) {
      if (r.status !== 'met' && r.status !== 'notApplicable') notes.add(r.reason); // a met reason can be as short as "满足要求"
      for (const u of r.leadUnits) notes.add(u);
      if (r.confirmation) notes.add(r.confirmation.by);
      if (r.achievability?.stated) notes.add(r.achievability.stated.printed);
      const leaves = 'parts' in r && r.parts ? r.parts : [r];
      for (const l of leaves) if ('observation' in l && l.observation?.footnote) notes.add(l.observation.footnote.printed);
    }
  }
  return [...notes].filter((n) => n.length >= 4);
}

describe('public summary', () => {
  let store: TestStore;
  const printer = new SharedPrinter();
  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await printer.close();
    await store?.close();
  });

  it('Wushan 2021: one page of counts, score, headline indicators and projects, without internal notes', async () => {
    const req = { plan: 'wushan-demo-county', kind: 'public', year: 2021, generatedOn: new Date('2026-11-22T09:00:00+08:00') };
    const notes = internalNotes(await assessPlan(store.db, 'wushan-demo-county', 2021));
    expect(notes.length).toBeGreaterThan(30);
    expect(notes).toContain('县生态环境局');

    const pdf = await openPdf((await generateReport(store.db, { ...req, format: 'pdf' }, printer.get)).data);
    expect(pdf.pages).toHaveLength(1);
    const docx = await openDocx((await generateReport(store.db, { ...req, format: 'docx' })).data);

    for (const text of [squeeze(pdf.pages[0]!.text), squeeze(docx.text)]) {
      expect(text).toContain('巫山县2021年生态文明建设情况公开');
      expect(text).toContain('达标29项/适用35项');
      expect(text).toContain('92分（满分100，92分通过）');
      expect(text).toContain('80个，513,306万元（约51.33亿元）');
      expect(text).toContain('2021年，巫山县国家生态文明建设示范县建设指标35项适用指标中，已达标29项，未达标6项');
      for (const n of notes) expect(text, n).not.toContain(squeeze(n));
      expect(text).not.toMatch(/【\d+】|规划文本|经确认/);
    }
    const headlines = tableWithHeader(docx, '指标名称', '现状值', '指标值', '达标情况');
    const row = headlines.find((r) => r[0]!.text === '村镇饮用水卫生合格率')!;
    expect(row.map((c) => c.text)).toEqual(['村镇饮用水卫生合格率', '49.3', '100', '未达标']); // printed 49.3【4】: the mark is an internal note
  });
});
