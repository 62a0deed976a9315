// The indicators not met, on the big screen: number and name, value against requirement. At most
// UNMET_ROWS lines, the rest counted in the last, so the block keeps its height.
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG, BIG_HEIGHTS, UNMET_ROWS } from '../lib/bigscreen.ts';
import { STATUS_DARK_COLOR } from '../lib/status.ts';

const line = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

export function BigScreenUnmet({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const none = t('common.none');
  const unmet = fw.results.filter((r) => r.status === 'notMet');
  const shown = unmet.length > UNMET_ROWS ? unmet.slice(0, UNMET_ROWS - 1) : unmet;
  const rest = unmet.length - shown.length;
  return (
    <div data-testid={`bigscreen-unmet-${fw.id}`} style={{ flex: 1, minHeight: 0, overflow: 'hidden', borderTop: `1px solid ${BIG.border}`, paddingTop: 8 }}>
      <div style={{ fontSize: 17, color: BIG.muted, height: 30 }}>{t('bigscreen.unmet', { n: unmet.length })}</div>
      {unmet.length === 0 ? <div style={{ fontSize: 20, color: STATUS_DARK_COLOR.met }}>{t('bigscreen.unmetNone')}</div> : null}
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((r) => (
          <li key={r.number} style={{ height: BIG_HEIGHTS.unmetRow, display: 'flex', flexDirection: 'column', justifyContent: 'center' }}>
            <div style={{ ...line, fontSize: 19, color: BIG.text }} title={r.name}>
              <span style={{ display: 'inline-block', minWidth: 34, color: STATUS_DARK_COLOR.notMet, fontWeight: 600 }}>{r.number}</span>
              {r.name}
            </div>
            <div style={{ ...line, fontSize: 15, color: BIG.muted, paddingInlineStart: 34 }} title={`${r.value ?? none} / ${r.requirement ?? none}`}>
              <span style={{ color: STATUS_DARK_COLOR.notMet }}>{t('bigscreen.value', { v: r.value ?? none })}</span>
              <span style={{ marginInline: 10 }}>·</span>
              {t('bigscreen.requirement', { v: r.requirement ?? none })}
              {r.unit && r.unit !== '-' ? r.unit : ''}
            </div>
          </li>
        ))}
        {rest > 0 ? <li style={{ height: BIG_HEIGHTS.unmetRow, display: 'flex', alignItems: 'center', fontSize: 16, color: BIG.muted }}>{t('bigscreen.more', { n: rest })}</li> : null}
      </ol>
    </div>
  );
}
