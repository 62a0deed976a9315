// The score of a scored framework on a gauge: the ring is red below the pass line, green above, and
// the pass line itself is a dark mark. The text beside it carries data-testid="score-<frameworkId>".
import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';

export function ScoreGauge({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const max = fw.maxScore ?? 0;
  const pass = fw.passScore;
  const range = fw.scoreRange;
  const scoreText =
    fw.score !== null
      ? t('overview.scoreText', { score: formatNumber(fw.score), max: formatNumber(max) })
      : range && range[0] !== null && range[1] !== null
        ? t('overview.scoreRangeText', { min: formatNumber(range[0]), max: formatNumber(range[1]), maxScore: formatNumber(max) })
        : t('overview.scoreUnknown');

  const option = useMemo<ChartOption>(() => {
    const f = pass !== null && max > 0 ? Math.min(Math.max(pass / max, 0), 1) : null;
    const mark = 0.006;
    const ring: [number, string][] =
      f === null
        ? [[1, '#d9d9d9']]
        : [
            [Math.max(f - mark, 0), '#ffccc7'],
            [Math.min(f + mark, 1), '#262626'],
            [1, '#b7eb8f'],
          ];
    const integral = Number.isInteger(max) && max > 0 && max <= 200;
    return {
      animation: false,
      series: [
        {
          type: 'gauge',
          min: 0,
          max,
          startAngle: 210,
          endAngle: -30,
          radius: '92%',
          center: ['50%', '58%'],
          splitNumber: integral ? max : 10,
          axisLine: { lineStyle: { width: 18, color: ring } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: {
            distance: -44,
            fontSize: 12,
            color: '#595959',
            formatter: (v: number) => (Math.abs(v - 0) < 1e-9 || Math.abs(v - max) < 1e-9 || (pass !== null && Math.abs(v - pass) < 1e-9) ? formatNumber(v) : ''),
          },
          pointer: { show: fw.score !== null, length: '64%', width: 8, itemStyle: { color: fw.passed ? '#389e0d' : '#cf1322' } },
          anchor: { show: fw.score !== null, size: 12, itemStyle: { color: '#595959' } },
          title: { show: false },
          detail: { show: false },
          data: fw.score !== null ? [{ value: fw.score }] : [],
        },
      ],
    };
  }, [fw.score, fw.passed, max, pass]);

  return (
    <Flex vertical align="center" gap={4}>
      <EChart
        option={option}
        height={220}
        label={t('overview.gaugeLabel', { framework: fw.name, score: scoreText, max: formatNumber(max), pass: pass ?? '—' })}
        testId={`gauge-${fw.id}`}
      />
      <Typography.Text strong style={{ fontSize: 28, lineHeight: 1.2 }} data-testid={`score-${fw.id}`}>
        {scoreText}
      </Typography.Text>
      <Flex gap={8} align="center">
        {pass !== null ? <Typography.Text type="secondary">{t('overview.passLine', { pass: formatNumber(pass) })}</Typography.Text> : null}
        {fw.passed === true ? <Tag color="green">{t('overview.passed')}</Tag> : null}
        {fw.passed === false ? <Tag color="red">{t('overview.failed')}</Tag> : null}
      </Flex>
    </Flex>
  );
}
