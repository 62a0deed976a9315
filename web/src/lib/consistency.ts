// The consistency findings for the page: what a finding is about, the indicators it can link to, CSV rows.
import type { Finding, FindingSubject, Severity } from '../api/types.ts';
import type { Translate } from '../i18n/index.tsx';

export type IndicatorSubject = Extract<FindingSubject, { type: 'indicator' }>;

export function subjectText(s: FindingSubject, t: Translate): string {
  switch (s.type) {
    case 'project':
      return t('consistency.subject.project', { number: s.number ?? t('common.none'), name: s.name });
    case 'indicator':
      return s.part ? t('consistency.subject.indicatorPart', { number: s.number, name: s.name, part: s.part }) : t('consistency.subject.indicator', { number: s.number, name: s.name });
    case 'total':
      return s.group ?? t('consistency.subject.plan');
    case 'footnote':
      return t('consistency.subject.footnote', { mark: s.mark });
  }
}

/** The indicators a finding is about, once each (to open their detail page). */
export function indicatorSubjects(f: Finding): IndicatorSubject[] {
  const seen = new Set<string>();
  return f.subjects.filter((s): s is IndicatorSubject => {
    if (s.type !== 'indicator' || seen.has(`${s.framework}/${s.number}`)) return false;
    seen.add(`${s.framework}/${s.number}`);
    return true;
  });
}

export function csvTable(findings: Finding[], t: Translate): string[][] {
  const header = [t('consistency.col.kind'), t('consistency.col.severity'), t('consistency.col.message'), t('consistency.col.lines'), t('consistency.col.subjects')];
  const rows = findings.map((f) => [
    f.kindText,
    t(`consistency.severity.${f.severity}`),
    f.message,
    f.linesText,
    f.subjects.map((s) => subjectText(s, t)).join(t('consistency.subjectSeparator')),
  ]);
  return [header, ...rows];
}

export const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };
