// One framework on the big screen: met / applicable as a huge figure, counts by status, the score gauge
// (scored frameworks), the engine's achievability classes and the indicators not met. Fixed block heights.
import { Tag } from 'antd';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG, BIG_HEIGHTS } from '../lib/bigscreen.ts';
import { STATUS_DARK_COLOR } from '../lib/status.ts';
import { BigScreenClasses } from './BigScreenClasses.tsx';
import { BigScreenCounts } from './BigScreenCounts.tsx';
import { BigScreenGauge } from './BigScreenGauge.tsx';
import { BigScreenPanel } from './BigScreenPanel.tsx';
import { BigScreenUnmet } from './BigScreenUnmet.tsx';

export function BigScreenFramework({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const scored = fw.maxScore !== null;
  return (
    <BigScreenPanel
      title={fw.name}
      testId={`bigscreen-framework-${fw.id}`}
      extra={fw.version ? <Tag style={{ marginInlineEnd: 0, fontSize: 14 }}>{t('overview.version', { version: fw.version })}</Tag> : null}
    >
      <div
        data-testid={`bigscreen-met-${fw.id}`}
        style={{ height: BIG_HEIGHTS.figure, flex: 'none', display: 'flex', alignItems: 'center', gap: 14, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
      >
        <span style={{ fontSize: 104, fontWeight: 700, lineHeight: 1, color: STATUS_DARK_COLOR.met }}>{fw.met}</span>
        <span style={{ fontSize: 64, fontWeight: 500, lineHeight: 1, color: BIG.muted }}> / {fw.applicable}</span>
        <span style={{ fontSize: 34, lineHeight: 1, color: BIG.text, alignSelf: 'flex-end', paddingBottom: 22 }}> {t('bigscreen.metOf')}</span>
      </div>
      <BigScreenCounts fw={fw} />
      <div style={{ height: BIG_HEIGHTS.gauge, flex: 'none', display: 'flex', gap: 20, alignItems: 'center', borderTop: `1px solid ${BIG.border}` }}>
        {scored ? <BigScreenGauge fw={fw} /> : null}
        <BigScreenClasses fw={fw} />
      </div>
      <BigScreenUnmet fw={fw} />
    </BigScreenPanel>
  );
}
