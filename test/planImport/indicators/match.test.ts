// Recognising a built-in framework by its items: the items the table lacks and the rows that match no item
// are listed; a table whose items differ more is the plan's own (another edition), not a copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/data/load.ts';
import type { PlanDocument, TableBlock } from '../../../src/domain/planImport/document.ts';
import { extractIndicators } from '../../../src/domain/planImport/indicators.ts';
import { parseTextForm } from '../../../src/domain/planImport/textForm.ts';
import type { PlanInfo } from '../../../src/domain/planImport/types.ts';
import { DATA_DIR, seed, SEEDS_DIR } from '../../data/seed-text.ts';

const INFO: PlanInfo = { title: null, region: null, period: null, baseYear: null, targetYears: [], phases: [] };
const ctx = { documentId: '001', builtinFrameworks: loadCatalog(DATA_DIR).frameworks };

function table1(): { doc: PlanDocument; table: TableBlock } {
  const s = seed('001');
  const doc = parseTextForm(s.file, readFileSync(join(SEEDS_DIR, s.file), 'utf8'));
  const table = doc.blocks.find((b): b is TableBlock => b.kind === 'table')!;
  // only the national table, so that the Chongqing one does not take part
  doc.blocks = doc.blocks.filter((b) => b.kind !== 'table' || b === table);
  return { doc, table };
}

/** The data row of a numbered item (the number column is the third). */
const rowOf = (table: TableBlock, number: string) => table.rows.findIndex((r) => !r.header && r.cells[2]?.text === number);

describe('recognising the national framework in a table that differs a little', () => {
  it('lists the item the table lacks and the row that matches no item, and still recognises the framework', () => {
    const { doc, table } = table1();
    table.rows.splice(rowOf(table, '41'), 1);
    table.rows[rowOf(table, '5')]!.cells[3]!.text = '生态环境信息化平台建设';
    const r = extractIndicators(doc, ctx, INFO, 'plan-001');
    expect(r.value.frameworks.map((f) => f.matched)).toEqual(['national-demo-county']);
    const missing = r.findings.filter((f) => f.kind === 'missingItem');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('第41项');
    expect(missing[0]!.message).toContain('党政领导干部参加生态文明培训的人数比例');
    const unmatched = r.findings.filter((f) => f.kind === 'unmatchedItem');
    expect(unmatched).toHaveLength(1);
    expect(unmatched[0]!.message).toContain('生态环境信息化平台建设');
    expect(unmatched[0]!.source?.line).toBe(table.rows[rowOf(table, '5')]!.cells[2]!.line);
  });

  it('takes a table with a quarter of its items different for the plan’s own framework, under a proposed id', () => {
    const { doc, table } = table1();
    for (const n of ['1', '2', '3', '4', '5', '6', '14', '15', '16', '20', '21']) table.rows[rowOf(table, n)]!.cells[3]!.text = `新指标${n}`;
    const r = extractIndicators(doc, ctx, INFO, 'plan-001');
    expect(r.value.frameworks).toHaveLength(1);
    const fw = r.value.frameworks[0]!;
    expect(fw.matched).toBeNull();
    expect(fw.framework.id).toBe('plan-001-indicators-1');
    expect(fw.data.framework).toBe('plan-001-indicators-1');
    expect(fw.framework.indicators).toHaveLength(43);
    expect(r.findings.filter((f) => f.kind === 'missingItem' || f.kind === 'unmatchedItem')).toEqual([]);
  });
});
