// The left menu: overview, scorecard, monitoring, projects, progress, tasks, work plan, departments, consistency, data entry,
// review, reports, plans, audit, accounts. Links carry the current plan and year (the tasks, progress and audit
// pages have no year). The indicator detail is reached from the scorecard and counts as part of it.
import { Layout, Menu } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from './SignInGate.tsx';
import { formatHash, YEARLESS_PAGES, type Page } from '../lib/route.ts';

const ONLY_FOR: Partial<Record<Page, string[]>> = {
  entry: ['admin', 'planOffice', 'clerk'],
  review: ['admin', 'planOffice', 'reviewer'],
  audit: ['admin', 'planOffice', 'leader'],
  users: ['admin'],
  planImport: ['admin', 'planOffice'],
};

interface Props {
  page: Page | 'notFound';
  plan: string | undefined;
  year: number | undefined;
}

export function SideMenu({ page, plan, year }: Props) {
  const { t } = useI18n();
  const link = (p: Page) => formatHash(p === 'plans' || p === 'users' || p === 'planImport' ? { page: p } : YEARLESS_PAGES.includes(p) ? { page: p, plan } : { page: p, plan, year });
  // pages that only some roles can use are shown to those roles only (the server decides in any case)
  const held = new Set(useSession()?.user.roles.map((g) => g.role) ?? []);
  const mayUse = (p: Page) => {
    const who = ONLY_FOR[p];
    return !who || who.some((r) => held.has(r));
  };
  const items = (['overview', 'scorecard', 'monitoring', 'projects', 'progress', 'tasks', 'workplan', 'departments', 'consistency', 'entry', 'review', 'reports', 'plans', 'planImport', 'audit', 'users'] as const).filter(mayUse).map((p) => ({
    key: p,
    label: (
      <a href={link(p)} data-testid={`menu-${p}`}>
        {t(`menu.${p}`)}
      </a>
    ),
  }));
  return (
    <Layout.Sider width={168} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
      <nav aria-label={t('menu.label')}>
        <Menu mode="inline" selectedKeys={[page === 'indicator' ? 'scorecard' : page]} items={items} style={{ borderInlineEnd: 0, paddingTop: 8 }} />
      </nav>
    </Layout.Sider>
  );
}
