// The left menu: overview, scorecard, projects, tasks, data entry, reports, plans. Links carry the current plan and year
// (the tasks page has no year). The indicator detail is reached from the scorecard and counts as part of it.
import { Layout, Menu } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { formatHash, type Page } from '../lib/route.ts';

interface Props {
  page: Page | 'notFound';
  plan: string | undefined;
  year: number | undefined;
}

export function SideMenu({ page, plan, year }: Props) {
  const { t } = useI18n();
  const link = (p: Page) => formatHash(p === 'plans' ? { page: p } : p === 'tasks' ? { page: p, plan } : { page: p, plan, year });
  const items = (['overview', 'scorecard', 'projects', 'tasks', 'entry', 'reports', 'plans'] as const).map((p) => ({
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
