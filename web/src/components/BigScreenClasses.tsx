// The engine's achievability classes on the big screen: a bar per class against the applicable count,
// each count carrying data-testid="bigscreen-class-<class>-<frameworkId>".
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { CLASSES, CLASS_DARK_COLOR } from '../lib/status.ts';

export function BigScreenClasses({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const total = fw.classes ? CLASSES.reduce((n, c) => n + fw.classes![c], 0) : 0;
  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      <div style={{ fontSize: 17, color: BIG.muted, marginBottom: 8 }}>
        {t('overview.classes')} · {t('overview.engine')}
      </div>
      {CLASSES.map((c) => {
        const n = fw.classes ? fw.classes[c] : null;
        const width = n !== null && total > 0 ? `${(n / total) * 100}%` : '0%';
        return (
          <div key={c} style={{ height: 40, display: 'flex', alignItems: 'center', gap: 12 }}>
            <span style={{ width: 110, flex: 'none', fontSize: 17, color: BIG.text, whiteSpace: 'nowrap' }}>{t(`class.${c}`)}</span>
            <span style={{ flex: 1, height: 12, borderRadius: 6, background: 'rgba(255,255,255,0.08)', overflow: 'hidden' }}>
              <span style={{ display: 'block', height: '100%', width, background: CLASS_DARK_COLOR[c], borderRadius: 6 }} />
            </span>
            <span
              data-testid={`bigscreen-class-${c}-${fw.id}`}
              style={{ width: 44, flex: 'none', textAlign: 'right', fontSize: 26, fontWeight: 600, color: CLASS_DARK_COLOR[c], fontVariantNumeric: 'tabular-nums' }}
            >
              {n ?? t('common.none')}
            </span>
          </div>
        );
      })}
    </div>
  );
}
