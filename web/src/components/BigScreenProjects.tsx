// The key projects on the big screen: count and total investment in large type, investment by group as bars.
import type { Projects } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { formatNumber } from '../lib/format.ts';
import { BigScreenInvestmentChart } from './BigScreenInvestmentChart.tsx';
import { BigScreenPanel } from './BigScreenPanel.tsx';

export function BigScreenProjects({ p }: { p: Projects }) {
  const { t } = useI18n();
  const inv = p.investmentWan;
  const wan = (n: number | null) => (n === null ? t('format.noData') : t('format.wan', { n: formatNumber(n) }));
  const big = { fontSize: 64, fontWeight: 700, lineHeight: 1.1, color: BIG.text, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
  const label = { fontSize: 17, color: BIG.muted } as const;
  return (
    <BigScreenPanel title={t('projects.title')} testId="bigscreen-projects">
      <div style={{ height: 150, flex: 'none', display: 'flex', gap: 28, alignItems: 'center' }}>
        <div style={{ flex: 'none' }}>
          <div style={label}>{t('projects.count')}</div>
          <div data-testid="bigscreen-projects-count" style={big}>
            {formatNumber(p.count)}
          </div>
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={label}>{t('projects.investment')}</div>
          <div data-testid="bigscreen-projects-investment" style={{ ...big, color: BIG.accent }}>
            {inv !== null ? t('bigscreen.yi', { n: (inv / 10000).toFixed(2) }) : t('format.noData')}
          </div>
          <div style={{ ...label, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {wan(inv)}
            {p.statedInvestmentWan !== null ? ` · ${t('projects.statedValue', { v: p.approximate ? t('format.approx', { v: wan(p.statedInvestmentWan) }) : wan(p.statedInvestmentWan) })}` : ''}
          </div>
        </div>
      </div>
      <div style={{ ...label, height: 30, flex: 'none', borderTop: `1px solid ${BIG.border}`, paddingTop: 8 }}>{t('projects.chartTitle')}</div>
      <div style={{ flex: 1, minHeight: 0 }}>
        <BigScreenInvestmentChart groups={p.groups} />
      </div>
    </BigScreenPanel>
  );
}
