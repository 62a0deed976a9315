// Counts by status on the big screen, each number carrying data-testid="bigscreen-count-<status>-<frameworkId>".
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG, BIG_HEIGHTS } from '../lib/bigscreen.ts';
import { STATUSES, STATUS_DARK_COLOR } from '../lib/status.ts';

export function BigScreenCounts({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  return (
    <div style={{ height: BIG_HEIGHTS.counts, flex: 'none', display: 'flex', gap: 8 }}>
      {STATUSES.map((s) => (
        <div key={s} style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
          <span style={{ fontSize: 16, color: BIG.muted, whiteSpace: 'nowrap' }}>{t(`status.${s}`)}</span>
          <span
            data-testid={`bigscreen-count-${s}-${fw.id}`}
            style={{ fontSize: 40, fontWeight: 600, lineHeight: 1.15, color: STATUS_DARK_COLOR[s], fontVariantNumeric: 'tabular-nums' }}
          >
            {fw[s]}
          </span>
        </div>
      ))}
    </div>
  );
}
