// The big screen's top line: the plan's title and the year in large type; when the figures were fetched,
// whether the last refresh failed, and the way back to the overview.
import { Typography } from 'antd';
import type { PlanSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG, BIG_HEIGHTS, REFRESH_MS } from '../lib/bigscreen.ts';
import { formatClock } from '../lib/format.ts';
import { formatHash } from '../lib/route.ts';

interface Props {
  plan: PlanSummary;
  year: number;
  updatedAt: Date | undefined;
  failed: boolean;
}

export function BigScreenHeader({ plan, year, updatedAt, failed }: Props) {
  const { t } = useI18n();
  return (
    <header style={{ height: BIG_HEIGHTS.header, flex: 'none', display: 'flex', alignItems: 'center', gap: 28, borderBottom: `2px solid ${BIG.border}` }}>
      <div style={{ minWidth: 0, flex: 1 }}>
        <h1 style={{ margin: 0, fontSize: 38, lineHeight: 1.25, fontWeight: 700, color: BIG.text, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={plan.title}>
          {plan.title}
        </h1>
        <div style={{ fontSize: 20, color: BIG.muted, marginTop: 4 }}>{plan.region}</div>
      </div>
      <div data-testid="bigscreen-year" style={{ flex: 'none', fontSize: 56, fontWeight: 700, lineHeight: 1, color: BIG.accent, fontVariantNumeric: 'tabular-nums' }}>
        {t('bigscreen.year', { year })}
      </div>
      <div style={{ flex: 'none', width: 300, textAlign: 'right' }}>
        <div data-testid="bigscreen-updated" style={{ fontSize: 22, color: BIG.text, fontVariantNumeric: 'tabular-nums', height: 32 }}>
          {updatedAt ? t('bigscreen.updated', { time: formatClock(updatedAt) }) : t('state.loading')}
        </div>
        <div style={{ height: 24, fontSize: 15 }}>
          {failed ? (
            <Typography.Text type="warning">{t('bigscreen.refreshFailed', { seconds: REFRESH_MS / 1000 })}</Typography.Text>
          ) : (
            <a href={formatHash({ page: 'overview', plan: plan.id, year })} style={{ color: BIG.muted }} data-testid="bigscreen-exit">
              {t('bigscreen.exit')}
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
