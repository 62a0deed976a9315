// A requirement's typed form explained in a sentence, for people checking how the engine read the text.
import type { Requirement } from '../domain/types.ts';
import { t, type Locale } from '../i18n/index.ts';

const OP_KEY: Record<string, string> = { '>=': 'ge', '>': 'gt', '<=': 'le', '<': 'lt', '=': 'eq' };

export function explainRequirement(r: Requirement | undefined, unit: string | undefined, locale: Locale = 'zh-CN'): string | null {
  if (!r) return null;
  const u = unit === '%' || unit === '％' ? '%' : unit && unit !== '-' ? unit : '';
  switch (r.kind) {
    case 'threshold': {
      const s = t(`explain.threshold.${OP_KEY[r.op]}`, { value: r.value, unit: u }, locale);
      const withSubject = r.subject ? `${r.subject}：${s}` : s;
      return r.aspirational ? `${withSubject}${t('explain.aspirational', {}, locale)}` : withSubject;
    }
    case 'weighted':
      return t('explain.weighted', { op: r.op, reference: r.reference }, locale);
    case 'trend': {
      const s = t(`explain.trend.${r.trend}`, {}, locale);
      return r.subject ? `${r.subject}：${s}` : s;
    }
    case 'state':
      return t('explain.state', { word: r.word, level: r.level }, locale);
    case 'directive':
      return t('explain.directive', { word: r.word }, locale);
    case 'absence':
      return r.subject ? t('explain.absence', { subject: r.subject }, locale) : t('explain.notSignificant', {}, locale);
    case 'relation':
      return t('explain.relation', { word: r.word }, locale);
    case 'composite':
      return r.parts.map((p) => explainRequirement(p, unit, locale)).join(t('explain.and', {}, locale));
  }
}
