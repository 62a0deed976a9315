// Numbers and dates as the plans write them: 513,306万元, 约51.33亿元, 2026年11月22日.
import { t, type Locale } from '../i18n/index.ts';

/** 513306 → "513,306"; keeps up to four decimals as the plans print them; null → "—". */
export function formatWan(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** An amount in 万元 as a phrase: "513,306万元（约51.33亿元）"; the 亿元 gloss only from 1亿元 up. */
export function wanPhrase(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined) return t('report.noInvestment', {}, locale);
  const wan = t('report.wan', { n: formatWan(n) }, locale);
  if (Math.abs(n) < 10_000) return wan;
  return t('report.wanWithYi', { wan, yi: (n / 10_000).toLocaleString('en-US', { maximumFractionDigits: 2 }) }, locale);
}

/** A percentage from a fraction, with as many decimals as given (0.1991 → "19.91%"). */
export function percent(fraction: number, decimals = 1): string {
  return `${(fraction * 100).toFixed(decimals).replace(/\.?0+$/, '')}%`;
}

/** A plain number without trailing zeros (11.9000 → "11.9"). */
export function plain(n: number, decimals = 2): string {
  return Number(n.toFixed(decimals)).toLocaleString('en-US', { maximumFractionDigits: decimals, useGrouping: false });
}

/** The date in the report's language: 2026年11月22日 / 22 November 2026. */
export function formatDate(d: Date, locale: Locale): string {
  if (locale === 'en') return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Shanghai' });
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return t('report.date', { y: get('year'), m: get('month'), d: get('day') }, locale);
}

/** Chinese section numbers: 1 → 一, 12 → 十二. */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
}
