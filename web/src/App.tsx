// The app shell: header (plan, year, language), left menu, and the page named by the URL hash. The big screen
// (#/bigscreen) has its own full-bleed dark frame instead.
import { App as AntApp, ConfigProvider, Layout } from 'antd';
import { Suspense } from 'react';
import { api } from './api/client.ts';
import type { PlanSummary } from './api/types.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { BigScreenShell } from './components/BigScreenShell.tsx';
import { Loading } from './components/Loading.tsx';
import { SideMenu } from './components/SideMenu.tsx';
import { SignInGate } from './components/SignInGate.tsx';
import { useApi } from './hooks/useApi.ts';
import { useHashRoute } from './hooks/useHashRoute.ts';
import { useSelection } from './hooks/useSelection.ts';
import { useI18n } from './i18n/index.tsx';
import { navigate } from './lib/route.ts';
import { defaultYear } from './lib/years.ts';
import { PageBody } from './pages/PageBody.tsx';

const theme = {
  token: { colorPrimary: '#237a4b', borderRadius: 6 },
  components: {
    Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1d6b40' },
    Layout: { headerBg: '#12372a', headerHeight: 60, bodyBg: '#f4f6f5', siderBg: '#fff' } },
};

export function App() {
  const { antdLocale } = useI18n();
  return (
    <ConfigProvider locale={antdLocale} theme={theme}>
      <AntApp>
        <SignInGate>
          <Shell />
        </SignInGate>
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const route = useHashRoute();
  const plansQ = useApi<PlanSummary[]>(api.plans());
  const sel = useSelection(route, plansQ.data);
  const page = route.page === 'notFound' ? 'overview' : route.page;

  const onPlan = (id: string) => {
    const p = plansQ.data?.find((x) => x.id === id);
    // an indicator belongs to its plan: another plan opens that plan's scorecard
    navigate({ page: page === 'indicator' ? 'scorecard' : page, plan: id, year: p ? defaultYear(p) : undefined, asOf: route.asOf });
  };
  // the reporting unit and the indicator belong to the plan: kept when the year changes, dropped with another plan;
  // so is the date the tracking figures stand on
  const onYear = (year: number) =>
    navigate({ page, plan: sel.planId, year, unit: route.unit, framework: route.framework, number: route.number, asOf: route.asOf });

  if (route.page === 'bigscreen') return <BigScreenShell plans={plansQ} selection={sel} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <AppHeader
        plans={plansQ.data}
        plansLoading={plansQ.loading}
        plan={sel.plan}
        planId={sel.planId}
        year={sel.year}
        onPlan={onPlan}
        onYear={onYear}
      />
      <Layout>
        <SideMenu page={route.page} plan={sel.planId} year={sel.year} />
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<Loading />}>
            <PageBody route={route} plans={plansQ} selection={sel} />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
