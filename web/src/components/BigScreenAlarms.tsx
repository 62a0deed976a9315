// The 大屏's alarm feed: the region's open alarms of pollution sources, newest first, each with when, which
// source and outlet, what kind, the reason with its figures and who has it; an alarm that arrived while the
// screen was open is marked new. A fixed block: the list scrolls inside it, nothing else moves.
import type { AlarmItem } from '../api/types.ts';
import { useAlarmFeed } from '../hooks/useAlarmFeed.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MessageKey } from '../i18n/parts.ts';
import { BIG } from '../lib/bigscreen.ts';

const ALARM_COLOR = '#e0803b';
const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');

export function BigScreenAlarms({ planId }: { planId: string }) {
  const { t } = useI18n();
  const feed = useAlarmFeed(planId);
  const row = (a: AlarmItem) => (
    <div key={a.id} data-testid="bigscreen-alarm" style={{ padding: '6px 0', borderTop: `1px solid ${BIG.border}` }}>
      <div style={{ display: 'flex', gap: 10, alignItems: 'baseline', whiteSpace: 'nowrap', overflow: 'hidden' }}>
        {feed.fresh.has(a.id) ? <span style={{ color: BIG.bg, background: ALARM_COLOR, borderRadius: 4, padding: '0 6px', fontSize: 14 }}>{t('bigscreen.alarms.new')}</span> : null}
        <span style={{ color: BIG.muted, fontSize: 15, fontVariantNumeric: 'tabular-nums' }}>{beijingTime(a.raisedAt)}</span>
        <span style={{ color: ALARM_COLOR, fontSize: 17 }}>{t(`bigscreen.alarms.kind.${a.kind}` as MessageKey)}</span>
        <span style={{ color: BIG.text, fontSize: 17, overflow: 'hidden', textOverflow: 'ellipsis' }}>{`${a.source} ${a.outlet}`}</span>
      </div>
      <div style={{ color: BIG.muted, fontSize: 14, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {a.reason}
        {a.workItem ? ` ${t('bigscreen.alarms.assigned', { unit: a.workItem.leadUnit, deadline: a.workItem.deadline })}` : ''}
      </div>
    </div>
  );
  return (
    <div data-testid="bigscreen-alarms" style={{ height: '100%', display: 'flex', flexDirection: 'column', background: BIG.panel, border: `1px solid ${BIG.border}`, borderRadius: 10, padding: '10px 22px' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', color: BIG.text, fontSize: 19, marginBottom: 4 }}>
        <span>{t('bigscreen.alarms.title')}</span>
        <span style={{ color: BIG.muted, fontSize: 15 }}>
          {feed.alarms ? t('bigscreen.alarms.count', { n: feed.alarms.length }) : ''}
          {feed.failed ? ` ${t('bigscreen.alarms.offline')}` : ''}
        </span>
      </div>
      <div style={{ flex: 1, minHeight: 0, overflow: 'hidden' }}>
        {feed.alarms === undefined ? null : feed.alarms.length === 0 ? (
          <div style={{ color: BIG.muted, fontSize: 16, paddingTop: 8 }}>{t('bigscreen.alarms.none')}</div>
        ) : (
          feed.alarms.map(row)
        )}
      </div>
    </div>
  );
}
