// The live monitoring figures on the overview and the 大屏: the region's 优良天数比例 and PM2.5 mean so far this
// year, and the latest AQI of any of its stations. No data is said as 无数据 in grey — never a 0, never a colour
// of success or failure.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MonitoringSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { AQI_COLORS, AQI_TEXT, asLevel } from '../lib/monitoring.ts';
import { formatHash } from '../lib/route.ts';

/** This year in Beijing: the year whose figures are "so far". */
export const liveYear = (): number => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

interface Props {
  summary: MonitoringSummary;
  /** light: the overview's card; dark: the big screen's strip */
  variant: 'light' | 'dark';
  /** the overview links to the monitoring page */
  planId?: string;
}

export function MonitoringLive({ summary: s, variant, planId }: Props) {
  const { t } = useI18n();
  const dark = variant === 'dark';
  const muted = dark ? BIG.muted : 'rgba(0,0,0,0.55)';
  const text = dark ? BIG.text : 'rgba(0,0,0,0.88)';
  const size = dark ? 36 : 28;
  const noData = <span style={{ fontSize: size * 0.7, color: muted }}>{t('live.noData')}</span>;
  const level = asLevel(s.latest?.level);
  const figure = (label: string, value: ReactNode, note: string | null, testId: string) => (
    <div style={{ flex: 1, minWidth: 0 }} data-testid={testId}>
      <div style={{ fontSize: dark ? 17 : 13, color: muted, whiteSpace: 'nowrap' }}>{label}</div>
      <div style={{ fontSize: size, fontWeight: 600, lineHeight: 1.2, color: text, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{value}</div>
      {note ? <div style={{ fontSize: dark ? 14 : 12, color: muted, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{note}</div> : null}
    </div>
  );
  return (
    <Flex vertical gap={4} data-testid={`monitoring-live-${variant}`}>
      <Flex justify="space-between" align="baseline" gap={12} wrap>
        <Typography.Text strong style={{ fontSize: dark ? 22 : 15, color: text, whiteSpace: 'nowrap' }}>
          {t('live.heading', { year: s.year })}
        </Typography.Text>
        <Flex gap={12} align="baseline">
          <span style={{ fontSize: 12, color: muted }}>{t('live.through', { date: s.through })}</span>
          {planId ? (
            <Typography.Link href={formatHash({ page: 'monitoring', plan: planId, year: s.year })} data-testid="open-monitoring">
              {t('live.open')}
            </Typography.Link>
          ) : null}
        </Flex>
      </Flex>
      <Flex gap={16}>
        {figure(t('live.goodShare'), s.goodShare === null ? noData : `${(s.goodShare * 100).toFixed(1)}%`, s.goodShare === null ? null : t('live.goodDays', { good: s.goodDays, valid: s.validDays }), 'live-good-share')}
        {figure(t('live.pm25'), s.pm25Mean === null ? noData : String(s.pm25Mean), s.pm25Mean === null ? null : t('live.pm25Days', { n: s.pm25Days }), 'live-pm25')}
        {figure(
          t('live.latest'),
          s.latest && s.latest.aqi !== null && level ? (
            <span style={{ display: 'inline-block', padding: '0 10px', borderRadius: 6, background: AQI_COLORS[level], color: AQI_TEXT[level] }}>
              {s.latest.aqi} {t(`live.category.${level}`)}
            </span>
          ) : (
            noData
          ),
          s.latest ? `${s.latest.station} ${s.latest.at.replace('T', ' ')}` : null,
          'live-latest',
        )}
      </Flex>
    </Flex>
  );
}
