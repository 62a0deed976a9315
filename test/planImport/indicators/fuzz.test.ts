// Odd tables do not crash the reading of indicator tables: header words in any order, ragged rows, empty
// cells, marks without notes, long cells. Each run is seeded, so a failure can be replayed.
import { describe, expect, it } from 'vitest';
import type { Cell, PlanDocument, Row, TableBlock } from '../../../src/domain/planImport/document.ts';
import { extractIndicators } from '../../../src/domain/planImport/indicators.ts';
import type { PlanInfo } from '../../../src/domain/planImport/types.ts';

const INFO: PlanInfo = { title: null, region: null, period: null, baseYear: 2021, targetYears: [2025], phases: [] };
const WORDS = ['序号', '指标名称', '指标', '单位', '指标值', '现状值（2021年）', '2025年目标', '目标值', '属性', '达标情况', '分值', '得分', '牵头单位', '领域', '任务', '2022年', '备注', '配合单位', ''];
const VALUES = ['1', '2', '', '≥60', '60＞A≥55', '达标', '未达标', '约束性', '%', '山区', '湿润地区', '仅考核市，不涉及', '无海域，不涉及', '85【1】', '[2]', '*', '稳定\n提高', 'A\nB\nC', '县生态环境局、县水利局', '大于70', '2', '达标分析', '—'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomDoc(seed: number): PlanDocument {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const lines: string[] = [];
  const cell = (text: string, column: number): Cell => {
    const line = lines.length + 1;
    for (const l of text === '' ? [''] : text.split('\n')) lines.push(l);
    return { text, line, column };
  };
  const width = 2 + Math.floor(r() * 10);
  const header: Row = { header: true, line: lines.length + 1, cells: Array.from({ length: width }, (_, i) => cell(pick(WORDS), i + 1)) };
  const rows: Row[] = [header];
  const n = Math.floor(r() * 30);
  for (let k = 0; k < n; k++) {
    const w = Math.max(1, width + Math.floor(r() * 3) - 1);
    rows.push({ line: lines.length + 1, cells: Array.from({ length: w }, (_, i) => cell(r() < 0.3 ? String(k + 1) : pick(VALUES), i + 1)) });
  }
  const table: TableBlock = { kind: 'table', index: 1, rows, line: header.line, caption: '表1  指标' };
  const para = { kind: 'paragraph' as const, text: pick(['注：【1】为2020年数据。', '达标分析', '35项指标中，已达标29项，未达标6项。', '评分为92分。']), line: lines.length + 1 };
  lines.push(para.text);
  return { name: 'fuzz', format: 'docx', lines, blocks: [table, para], footnotes: [] };
}

describe('reading indicator tables does not crash on odd tables', () => {
  it('500 seeded random tables: a result or findings, never an exception', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const doc = randomDoc(seed);
      let result: ReturnType<typeof extractIndicators> | undefined;
      expect(() => {
        result = extractIndicators(doc, { documentId: 'f', builtinFrameworks: [] }, INFO, 'plan-f');
      }, `seed ${seed}`).not.toThrow();
      for (const f of result!.value.frameworks) for (const e of f.data.entries) for (const o of e.observations ?? []) expect(o.source?.line).toBeGreaterThan(0);
    }
  });
});
