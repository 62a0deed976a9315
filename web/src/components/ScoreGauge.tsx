// The score of a scored framework on a gauge: the ring is red below the pass line, green above, and
// the pass line itself is a dark mark. The text beside it carries data-testid="score-<frameworkId>".
import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { GAUGE_LIGHT, gaugeOption, scoreText } from '../lib/gauge.ts';
import { EChart } from './EChart.tsx';

export function ScoreGauge({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const pass = fw.passScore;
  const text = scoreText(fw, t);
  const option = useMemo(() => gaugeOption(fw, GAUGE_LIGHT), [fw]);

  return (
    <Flex vertical align="center" gap={4}>
      <EChart
        option={option}
        height={220}
        label={t('overview.gaugeLabel', { framework: fw.name, score: text, max: formatNumber(fw.maxScore ?? 0), pass: pass ?? '—' })}
        testId={`gauge-${fw.id}`}
      />
      <Typography.Text strong style={{ fontSize: 28, lineHeight: 1.2 }} data-testid={`score-${fw.id}`}>
        {text}
      </Typography.Text>
      <Flex gap={8} align="center">
        {pass !== null ? <Typography.Text type="secondary">{t('overview.passLine', { pass: formatNumber(pass) })}</Typography.Text> : null}
        {fw.passed === true ? <Tag color="green">{t('overview.passed')}</Tag> : null}
        {fw.passed === false ? <Tag color="red">{t('overview.failed')}</Tag> : null}
      </Flex>
    </Flex>
  );
}
