// Numbers as the plans print them: 513,306 万元; from 1亿 on also 51.3306亿元.
import type { Translate } from '../i18n/index.tsx';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

export function formatNumber(n: number): string {
  return grouped.format(n);
}

export function formatSigned(n: number): string {
  return n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : '0';
}

export function formatWan(n: number, t: Translate): string {
  if (Math.abs(n) >= 10000) return t('format.wanYi', { n: formatNumber(n), yi: (n / 10000).toFixed(4) });
  return t('format.wan', { n: formatNumber(n) });
}

/** A money figure in 万元, or 无数据 when null; "约" when the plan gives it approximately. */
export function formatWanOrNoData(n: number | null | undefined, t: Translate, approximate = false): string {
  if (n === null || n === undefined) return t('format.noData');
  const s = formatWan(n, t);
  return approximate ? t('format.approx', { v: s }) : s;
}

export function formatSignedWan(n: number, t: Translate): string {
  const s = formatWan(Math.abs(n), t);
  return n > 0 ? `+${s}` : n < 0 ? `−${s}` : s;
}

/** A clock time as HH:MM:SS (24-hour, local time). */
export function formatClock(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
