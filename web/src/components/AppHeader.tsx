// The header: product name, plan and year selectors, language switch.
import { Layout, Typography } from 'antd';
import type { PlanSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { PlanSelect } from './PlanSelect.tsx';
import { UserMenu } from './UserMenu.tsx';
import { YearSelect } from './YearSelect.tsx';

interface Props {
  plans: PlanSummary[] | undefined;
  plansLoading: boolean;
  plan: PlanSummary | undefined;
  planId: string | undefined;
  year: number | undefined;
  onPlan: (id: string) => void;
  onYear: (year: number) => void;
}

export function AppHeader({ plans, plansLoading, plan, planId, year, onPlan, onYear }: Props) {
  const { t } = useI18n();
  return (
    <Layout.Header
      style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, position: 'sticky', top: 0, zIndex: 20 }}
    >
      <Typography.Title level={1} style={{ color: '#fff', fontSize: 18, margin: 0, whiteSpace: 'nowrap', flex: 'none' }}>
        <a href="#/overview" style={{ color: 'inherit' }}>
          {t('app.name')}
        </a>
      </Typography.Title>
      <div style={{ flex: 1 }} />
      <PlanSelect plans={plans} loading={plansLoading} value={planId} onChange={onPlan} />
      <YearSelect plan={plan} value={year} onChange={onYear} />
      <LangSwitch />
      <UserMenu />
    </Layout.Header>
  );
}
