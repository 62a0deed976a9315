// 年度自评估报告 as a reviewer opens it: the Word XML and the PDF's text, checked for the figures the plans state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessPlan } from '../../src/app/assessPlan.ts';
import { generateReport, type ReportRequest } from '../../src/reports/generate.ts';
import { SharedPrinter } from '../../src/reports/render/pdf.ts';
import { openDocx, openPdf, squeeze, tableWithHeader, type Docx } from '../helpers/reportFiles.ts';
import { openTestStore, type TestStore } from '../helpers/stores.ts';

const ON = new Date('2026-11-22T09:00:00+08:00');
const DEDUCTIONS = ['村镇饮用水卫生合格率（失2分）', '城镇集中式污水处理率（失1分）', '城镇人均公园绿地面积（失1分）', '城镇新建绿色建筑（失2分）', '生态环境教育基地（失2分）'];

describe('annual self-assessment report', () => {
  let store: TestStore;
  const printer = new SharedPrinter();
  const make = (req: Omit<ReportRequest, 'kind' | 'generatedOn'>) => generateReport(store.db, { ...req, kind: 'annual', generatedOn: ON }, printer.get);

  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => {
    await printer.close();
    await store?.close();
  });

  describe('Wushan 2021 in Word', () => {
    let docx: Docx;
    beforeAll(async () => {
      const file = await make({ plan: 'wushan-demo-county', year: 2021, format: 'docx' });
      expect(file.fileName).toBe('巫山县-2021-年度自评估报告.docx');
      docx = await openDocx(file.data);
    });

    it('has the cover, the contents and a summary in the plan’s register', () => {
      expect(docx.text).toContain('巫山县生态文明建设示范县创建规划（2022—2028年）');
      expect(docx.text).toContain('2021年度自评估报告');
      expect(docx.text).toContain('2026年11月22日');
      expect(docx.xml).toContain('TOC \\'); // Word's own contents field, filled from the headings
      expect(docx.text).toContain('2021年，巫山县国家生态文明建设示范县建设指标35项适用指标中，已达标29项，未达标6项（生态文明建设规划、');
      expect(docx.text).toContain('另有8项不涉及');
      expect(docx.text).toContain('2021年重庆市生态文明建设示范区县建设指标评分为92分（满分100分，92分通过），达到通过要求。');
    });

    it('lays the indicator table out as the plan does: merged domains, coloured statuses, counts', () => {
      const table = tableWithHeader(docx, '领域', '任务', '序号', '指标名称', '单位', '指标值', '指标属性', '现状值（2021年）', '达标情况', '责任单位');
      const rows = table.slice(1);
      expect(rows[0]!.map((c) => c.text)).toEqual(['生态制度', '（一）目标责任体系与制度建设', '1', '生态文明建设规划', '-', '制定实施', '约束性', '正在制定【1】', '未达标', '县生态环境局']);
      // 生态制度 spans its six rows, as in the plan
      expect(rows[0]![0]!.vMerge).toBe('restart');
      for (const r of rows.slice(1, 6)) expect(r[0]!.vMerge).toBe('continue');
      const row29 = rows.find((r) => r.some((c) => c.text === '村镇饮用水卫生合格率'))!;
      const status = row29.find((c) => c.text === '未达标')!;
      expect(status.fill).toBe('F8D9D5');
      expect(row29.some((c) => c.text === '49.3【4】')).toBe(true);
      expect(table.some((r) => r[0]?.text.startsWith('适用35项：达标29项，未达标6项，无法判定0项，无数据0项；不涉及8项'))).toBe(true);
      expect(docx.text).toContain('【4】'); // the plan's footnotes under the table
      expect(docx.xml).toContain('w:orient="landscape"');
    });

    it('gives the municipal score of 92 with the five deductions named', () => {
      expect(docx.text).toContain(`失分项5项，共失8分：${DEDUCTIONS.join('、')}。`);
      const table = tableWithHeader(docx, '序号', '指标名称', '现状值', '分值', '得分', '失分');
      expect(table.slice(1, 6).map((r) => r[1]!.text)).toEqual(['村镇饮用水卫生合格率', '城镇集中式污水处理率', '城镇人均公园绿地面积', '城镇新建绿色建筑', '生态环境教育基地']);
      expect(table[6]!.map((c) => c.text)).toEqual(['合计', '', '', '100', '92', '8']);
      expect(docx.text).toContain('规划文本：2021年巫山县市级生态文明建设示范区县创建指标评分为92分'); // the plan's own statement beside
    });

    it('analyses every unmet indicator: gap, change needed, target year, the plan’s judgement beside', () => {
      const table = tableWithHeader(docx, '序号', '指标名称', '现状值', '指标值', '达标情况', '差距', '每年需改善', '目标年', '研判', '规划研判', '说明');
      const row29 = table.find((r) => r[0]!.text === '29')!.map((c) => c.text);
      expect(row29).toEqual(expect.arrayContaining(['50.7个百分点', '16.9个百分点（年均26.59%）', '2024年', '达标难度较大', '达标难度较大（2024年）']));
      const national = table.filter((r) => /^\d+$/.test(r[0]!.text)).map((r) => r[0]!.text);
      for (const n of ['1', '25', '26', '29', '31', '36']) expect(national).toContain(n);
      expect(docx.text).toContain('仅有2021年一期数据，暂无趋势可比。');
    });

    it('rolls the projects up by group: 80 projects, 513,306 万元, as stated', () => {
      expect(docx.text).toContain('规划共列重点工程项目80个，分5类，投资合计513,306万元（约51.33亿元）。与规划文本所列合计（80个，513,306万元（约51.33亿元））一致。');
      const table = tableWithHeader(docx, '序号', '工程类别', '项目数', '投资（万元）');
      expect(table.slice(1, 6).map((r) => [r[1]!.text, r[2]!.text, r[3]!.text])).toEqual([
        ['生态安全保障工程', '31', '205,455'],
        ['生态空间优化工程', '4', '1,900'],
        ['生态经济发展工程', '17', '114,818'],
        ['生态生活示范工程', '21', '155,692'],
        ['生态文化繁荣工程', '7', '35,441'],
      ]);
      expect(table[6]!.map((c) => c.text)).toEqual(['', '合计', '80', '513,306', '80', '513,306', '一致 / 一致']);
    });

    it('draws the charts and numbers the pages', () => {
      expect(docx.media.filter((m) => m.endsWith('.png')).length).toBeGreaterThanOrEqual(3); // status counts, gauge, investment
      expect(docx.footers.some((f) => f.includes('PAGE'))).toBe(true);
    });

    it('lists the source of every figure: document and line', () => {
      expect(docx.text).toContain('附录　数据来源');
      const sources = docx.tables.filter((t) => t[0]?.[0]?.text === '指标或项目');
      const rows = sources.flatMap((t) => t.slice(1));
      const row29 = rows.find((r) => r[0]!.text === '29 村镇饮用水卫生合格率' && r[1]!.text === '2021年现状值')!;
      expect(row29.map((c) => c.text)).toEqual(['29 村镇饮用水卫生合格率', '2021年现状值', '49.3【4】', '文件001 第572行']);
      expect(rows.some((r) => r[1]!.text === '规划所述结论' && r[3]!.text === '文件001 第1455行')).toBe(true);
      expect(docx.text).toContain('文件001：《巫山县生态文明建设示范县创建规划（2022—2028年）》');
      expect(rows.some((r) => r[0]!.text === '80个项目' && r[2]!.text.startsWith('513,306万元'))).toBe(true);
    });
  });

  it('Wushan 2021 as PDF: the same figures, searchable as written, and the contents pointing at the right pages', async () => {
    const file = await make({ plan: 'wushan-demo-county', year: 2021, format: 'pdf' });
    expect(file.data.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, outline } = await openPdf(file.data);
    const all = squeeze(pages.map((p) => p.text).join(''));
    expect(all).toContain('2021年，巫山县国家生态文明建设示范县建设指标35项适用指标中，已达标29项，未达标6项');
    expect(all).toContain(`失分项5项，共失8分：${DEDUCTIONS.join('、')}。`);
    expect(all).toContain('规划共列重点工程项目80个，分5类，投资合计513,306万元（约51.33亿元）');
    expect(all).toContain('2026年11月22日');
    // the text is the ideographs, not the look-alike radicals the fonts share glyphs with (巫⼭县)
    expect(all).not.toMatch(/[\u2E80-\u2FDF]/);
    expect(all).toContain('巫山县');
    // the cover has no page number; the others do
    expect(pages[0]!.text).not.toContain('第 1 页');
    expect(squeeze(pages[2]!.text)).toContain('第3页');
    // each contents line names the page its chapter starts on
    const contents = pages[1]!.lines.map(squeeze).flatMap((l) => {
      const m = /^(.+?)\.*(\d+)$/.exec(l.replace(/…/g, ''));
      return m ? [{ heading: m[1]!, page: Number(m[2]) }] : [];
    });
    expect(contents.map((c) => c.heading)).toEqual(expect.arrayContaining(['一、总体情况', '三、重庆市生态文明建设示范区县建设指标评分', '四、可达性研判', '附录数据来源']));
    for (const c of contents.filter((x) => /^[一二三四五六七八九十]+、|^附录/.test(x.heading))) expect(squeeze(pages[c.page - 1]!.lines[0]!)).toBe(c.heading);
    expect(outline).toContain('四、可达性研判');
  });

  it('Qianjiang 2022: each of the 20 indicators with its class, and the plan’s 7/10/1/2 beside the engine’s counts', async () => {
    const engine = await assessPlan(store.db, 'qianjiang-apeng-two-mountains', 2022);
    const expected = new Map(engine.frameworks[0]!.results.map((r) => [r.number, r.achievability!.classText!]));
    expect(expected.size).toBe(20);
    const docx = await openDocx((await make({ plan: 'qianjiang-apeng-two-mountains', year: 2022, format: 'docx' })).data);

    const counts = tableWithHeader(docx, '可达性分类', '本系统研判（项）', '规划文本（项）');
    expect(counts.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['稳定达标', '11', '7'],
      ['预计可达标', '1', '10'],
      ['不确定', '7', '1'],
      ['达标难度较大', '1', '2'],
    ]);
    // the class of every indicator: from the analysis table, or from the sentences naming the rest by class
    const found = new Map<string, string>();
    const table = tableWithHeader(docx, '序号', '指标名称', '现状值', '指标值', '达标情况', '差距');
    for (const r of table.slice(1)) found.set(r[0]!.text, r[8]!.text);
    for (const m of docx.text.matchAll(/其余研判为(.+?)的\d+项：(.+?)。/g)) for (const item of m[2]!.split('；')) found.set(item.split(' ')[0]!, m[1]!);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(expected));
    // No. 5: the engine says 预计可达标, the plan 达标难度较大 — both shown; No. 20 needs ≈19 % growth a year
    const row5 = table.find((r) => r[0]!.text === '5')!.map((c) => c.text);
    expect(row5).toEqual(expect.arrayContaining(['92.76%*', '预计可达标', '达标难度较大']));
    expect(table.find((r) => r[0]!.text === '20')!.map((c) => c.text)).toEqual(expect.arrayContaining(['达标难度较大', '0.3（年均18.96%）']));

    const pdf = await openPdf((await make({ plan: 'qianjiang-apeng-two-mountains', year: 2022, format: 'pdf' })).data);
    const text = squeeze(pdf.pages.map((p) => p.text).join(''));
    for (const r of engine.frameworks[0]!.results) expect(text).toContain(squeeze(r.name));
    expect(text).toContain('20项适用指标中，已达标12项，未达标2项');
  });
});
