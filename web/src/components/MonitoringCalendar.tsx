// An AQI calendar (ECharts calendar heatmap): one cell a day, coloured by the day's HJ 633 category; a day
// without a valid AQI is grey and labelled 无数据 — its own colour, never a category's. The counts under it say
// how many days each colour has, and which edition computed which days.
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import type { MonitoringDays } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AQI_COLORS, daysOfYear, LEVELS, NO_DATA_COLOR } from '../lib/monitoring.ts';
import { MonitoringChart, type MonitoringChartOption } from './MonitoringChart.tsx';

export function MonitoringCalendar({ data, testId }: { data: MonitoringDays; testId?: string }) {
  const { t, lang } = useI18n();
  const option = useMemo<MonitoringChartOption>(() => {
    const byDate = new Map(data.days.map((d) => [d.date, d]));
    const cells = daysOfYear(data.year, data.counts.through).map((date) => {
      const d = byDate.get(date);
      return [date, d && d.valid && d.level !== null ? d.level : 0];
    });
    const c = data.counts;
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const [date] = (p as { value: [string, number] }).value;
          const d = byDate.get(date);
          if (!d || !d.valid || d.aqi === null || d.level === null) return t('monitoring.dayNoData', { date });
          const primary = d.primary.length > 0 ? `<br/>${t('monitoring.primary', { list: d.primary.join('、') })}` : '';
          return `${t('monitoring.dayTip', { date, aqi: d.aqi, category: t(`monitoring.category.${d.level as 1}`) })}${primary}`;
        },
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        selectedMode: false,
        itemWidth: 14,
        itemHeight: 14,
        textStyle: { fontSize: 12 },
        pieces: [
          ...LEVELS.map((l) => ({ value: l, color: AQI_COLORS[l], label: t('monitoring.legend', { label: t(`monitoring.category.${l}`), n: c.levels[String(l) as '1'] }) })),
          { value: 0, color: NO_DATA_COLOR, label: t('monitoring.legend', { label: t('monitoring.noData'), n: c.noData }) },
        ],
      },
      calendar: {
        top: 28,
        left: 40,
        right: 12,
        cellSize: ['auto', 15],
        range: String(data.year),
        yearLabel: { show: false },
        dayLabel: { firstDay: 1, nameMap: lang === 'en' ? 'EN' : 'ZH', fontSize: 10 },
        monthLabel: { nameMap: lang === 'en' ? 'EN' : 'ZH', fontSize: 11 },
        itemStyle: { borderColor: '#fff', borderWidth: 2, color: '#fafafa' },
        splitLine: { lineStyle: { color: '#bfbfbf', width: 1 } },
      },
      series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: cells }],
    };
  }, [data, t, lang]);
  const c = data.counts;
  const share = c.validDays > 0 ? `${((c.goodDays / c.validDays) * 100).toFixed(1)}%` : '';
  return (
    <Flex vertical gap={6} data-testid={testId}>
      <MonitoringChart option={option} height={205} label={t('monitoring.calendarLabel', { year: data.year })} testId={testId ? `${testId}-chart` : undefined} />
      <Typography.Text data-testid={testId ? `${testId}-counts` : undefined}>
        {c.validDays > 0 ? t('monitoring.counts', { valid: c.validDays, good: c.goodDays, share, noData: c.noData, through: c.through }) : t('monitoring.countsNoValid', { noData: c.noData, through: c.through })}
      </Typography.Text>
      {data.editions.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {data.editions.map((e) => t('monitoring.edition', { edition: e.edition, from: e.from, to: e.to, days: e.days })).join('；')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
