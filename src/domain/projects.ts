// Project roll-ups: counts and investment by group, category, lead unit and year, compared with the
// totals the document states. A difference is reported, never hidden.

export interface ProjectInput {
  number?: number | null;
  group: string;
  category?: string | null;
  name: string;
  investmentWan: number | null;
  yearStart?: number | null;
  yearEnd?: number | null;
  leadUnits: string[];
}

export interface StatedTotal {
  count: number;
  investmentWan: number | null;
  approximate?: boolean;
  printed?: string;
  source?: { document: string; line: number };
}

export interface RollupRow {
  name: string;
  count: number;
  /** sum of the known investments (projects without one are counted in missingInvestment); null when none is known */
  investmentWan: number | null;
  missingInvestment: number;
  statedCount: number | null;
  statedInvestmentWan: number | null;
  countDifference: number | null;
  investmentDifferenceWan: number | null;
  approximate: boolean;
}

export interface ProjectRollup extends Omit<RollupRow, 'name'> {
  groups: RollupRow[];
  categories: RollupRow[];
  /** a project led jointly counts in full under each of its units, so these rows can add up to more than the total */
  leadUnits: RollupRow[];
  /** investment spread evenly over each project's years (the documents give no yearly split) */
  years: Array<{ year: number; count: number; investmentWan: number }>;
}

const round = (n: number): number => Math.round(n * 10000) / 10000;

function row(name: string, items: ProjectInput[], stated?: StatedTotal): RollupRow {
  const known = items.filter((p) => p.investmentWan !== null);
  const investmentWan = items.length > 0 && known.length === 0 ? null : round(known.reduce((s, p) => s + (p.investmentWan ?? 0), 0));
  const statedCount = stated?.count ?? null;
  const statedInvestmentWan = stated?.investmentWan ?? null;
  return {
    name,
    count: items.length,
    investmentWan,
    missingInvestment: items.length - known.length,
    statedCount,
    statedInvestmentWan,
    countDifference: statedCount === null ? null : items.length - statedCount,
    investmentDifferenceWan: statedInvestmentWan === null || investmentWan === null ? null : round(investmentWan - statedInvestmentWan),
    approximate: stated?.approximate ?? false,
  };
}

function groupBy(projects: ProjectInput[], key: (p: ProjectInput) => string[]): Map<string, ProjectInput[]> {
  const out = new Map<string, ProjectInput[]>();
  for (const p of projects) {
    for (const k of key(p)) {
      const list = out.get(k) ?? [];
      list.push(p);
      out.set(k, list);
    }
  }
  return out;
}

export function rollupProjects(
  projects: ProjectInput[],
  groups: Array<{ name: string; stated?: StatedTotal | null }>,
  stated?: StatedTotal | null,
): ProjectRollup {
  const total = row('', projects, stated ?? undefined);
  const byGroup = groupBy(projects, (p) => [p.group]);
  const groupRows = groups.map((g) => row(g.name, byGroup.get(g.name) ?? [], g.stated ?? undefined));
  const categories = [...groupBy(projects, (p) => [p.category ?? p.group]).entries()].map(([name, items]) => row(name, items));
  const leadUnits = [...groupBy(projects, (p) => (p.leadUnits.length > 0 ? p.leadUnits : ['']))]
    .map(([name, items]) => row(name, items))
    .sort((a, b) => (b.investmentWan ?? -1) - (a.investmentWan ?? -1));
  const yearMap = new Map<number, { count: number; investmentWan: number }>();
  for (const p of projects) {
    if (p.yearStart == null) continue;
    const end = p.yearEnd ?? p.yearStart;
    const span = end - p.yearStart + 1;
    for (let y = p.yearStart; y <= end; y++) {
      const cur = yearMap.get(y) ?? { count: 0, investmentWan: 0 };
      cur.count++;
      cur.investmentWan = round(cur.investmentWan + (p.investmentWan ?? 0) / span);
      yearMap.set(y, cur);
    }
  }
  const years = [...yearMap.entries()].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, ...v }));
  const { name: _name, ...totals } = total;
  return { ...totals, groups: groupRows, categories, leadUnits, years };
}
