// The big screen's own frame, outside the app shell: full-bleed, dark (antd's dark algorithm for this page
// only), with the states every page shares (plans loading, none, unknown plan); the page itself is lazy.
import { Alert, ConfigProvider, theme as antTheme } from 'antd';
import { Suspense, useEffect } from 'react';
import type { PlanSummary } from '../api/types.ts';
import type { ApiState } from '../hooks/useApi.ts';
import type { Selection } from '../hooks/useSelection.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { lazyPage } from '../pages/lazyPage.tsx';
import { EmptyState } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { Loading } from './Loading.tsx';

const BigScreenPage = lazyPage(() => import('../pages/BigScreenPage.tsx'), ['bigscreen']);

const darkTheme = {
  algorithm: antTheme.darkAlgorithm,
  token: { colorPrimary: BIG.accent, colorBgBase: BIG.bg, colorBgContainer: BIG.panel, colorBorderSecondary: BIG.border, borderRadius: 8 },
};

export function BigScreenShell({ plans, selection }: { plans: ApiState<PlanSummary[]>; selection: Selection }) {
  const { t, lang } = useI18n();
  // the page's code and text arrive while the plans are still loading
  useEffect(() => BigScreenPage.preload(lang), [lang]);
  useEffect(() => {
    const prev = document.body.style.backgroundColor;
    document.body.style.backgroundColor = BIG.bg;
    return () => {
      document.body.style.backgroundColor = prev;
    };
  }, []);

  const body = () => {
    if (plans.error) return <ErrorState error={plans.error} onRetry={plans.reload} />;
    if (!plans.data) return <Loading height={600} />;
    if (plans.data.length === 0) return <EmptyState text={t('state.noPlans')} />;
    if (selection.unknownPlan) return <Alert type="warning" showIcon title={t('state.unknownPlan', { plan: selection.planId ?? '' })} />;
    if (!selection.plan || selection.year === undefined) return <EmptyState text={t('state.noPlan')} />;
    return <BigScreenPage plan={selection.plan} year={selection.year} />;
  };

  return (
    <ConfigProvider theme={darkTheme}>
      <main
        data-testid="bigscreen"
        style={{
          background: BIG.bg,
          color: BIG.text,
          height: '100vh',
          minHeight: 720,
          minWidth: 1280,
          boxSizing: 'border-box',
          padding: 24,
          overflow: 'hidden',
        }}
      >
        <Suspense fallback={<Loading height={600} />}>{body()}</Suspense>
      </main>
    </ConfigProvider>
  );
}
