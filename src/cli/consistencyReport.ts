// The consistency findings as text: grouped by kind, each finding with the lines it cites.
import type { PlanConsistency } from '../app/consistency.ts';
import type { Source } from '../domain/types.ts';
import { t, type Locale } from '../i18n/index.ts';

/** How many line numbers of one document are printed before "… n lines in all". */
const LINES_SHOWN = 10;

export function formatLines(lines: Source[], locale: Locale): string {
  const byDocument = new Map<string, number[]>();
  for (const l of lines) byDocument.set(l.document, [...(byDocument.get(l.document) ?? []), l.line]);
  const sep = t('cli.lineSeparator', {}, locale);
  return [...byDocument]
    .map(([document, numbers]) => {
      const shown = numbers.slice(0, LINES_SHOWN).join(sep) + (numbers.length > LINES_SHOWN ? t('cli.moreLines', { n: numbers.length }, locale) : '');
      return t('cli.lineRef', { document, lines: shown }, locale);
    })
    .join(sep);
}

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
      out.push(`    ${t('cli.consistencyLines', { lines: formatLines(f.lines, locale) }, locale)}`);
    }
  }
  return out.join('\n');
}
