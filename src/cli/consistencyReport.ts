// The consistency findings as text: grouped by kind, each finding with the lines it cites.
import type { PlanConsistency } from '../app/consistency.ts';
import { t, type Locale } from '../i18n/index.ts';

export function consistencyReport(c: PlanConsistency, locale: Locale): string {
  const out = [t('cli.consistencyHeader', { title: c.title, region: c.region, year: c.year, n: c.total }, locale)];
  for (const check of c.checks) {
    out.push('');
    if (check.count === 0) {
      out.push(t('cli.consistencyPassed', { kind: check.kindText }, locale));
      continue;
    }
    out.push(t('cli.consistencyKind', { kind: check.kindText, n: check.count, severity: check.severityText }, locale));
    for (const f of c.findings.filter((x) => x.kind === check.kind)) {
      out.push(`  · ${f.message}`);
      out.push(`    ${t('cli.consistencyLines', { lines: f.linesText }, locale)}`);
    }
  }
  return out.join('\n');
}
