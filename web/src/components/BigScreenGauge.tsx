// The score gauge in the dark palette, with the score (data-testid="bigscreen-score-<frameworkId>") and the
// pass line beneath it.
import { Tag } from 'antd';
import { useMemo } from 'react';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { formatNumber } from '../lib/format.ts';
import { GAUGE_DARK, gaugeOption, scoreText } from '../lib/gauge.ts';
import { EChart } from './EChart.tsx';

export function BigScreenGauge({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const text = scoreText(fw, t);
  const option = useMemo(() => gaugeOption(fw, GAUGE_DARK), [fw]);
  const pass = fw.passScore;
  return (
    <div style={{ width: 260, flex: 'none', display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
      <EChart
        option={option}
        height={160}
        label={t('overview.gaugeLabel', { framework: fw.name, score: text, max: formatNumber(fw.maxScore ?? 0), pass: pass ?? '—' })}
        testId={`bigscreen-gauge-${fw.id}`}
      />
      <div data-testid={`bigscreen-score-${fw.id}`} style={{ fontSize: 34, fontWeight: 700, lineHeight: 1.1, color: BIG.text, fontVariantNumeric: 'tabular-nums' }}>
        {text}
      </div>
      <div style={{ height: 28, display: 'flex', alignItems: 'center', gap: 8, fontSize: 15, color: BIG.muted }}>
        {pass !== null ? t('overview.passLine', { pass: formatNumber(pass) }) : null}
        {fw.passed === true ? <Tag color="green" style={{ marginInlineEnd: 0 }}>{t('overview.passed')}</Tag> : null}
        {fw.passed === false ? <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('overview.failed')}</Tag> : null}
      </div>
    </div>
  );
}
