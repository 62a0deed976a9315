// The key projects that serve an indicator: those whose 对应创建指标 name it, or whose name contains it.
import { Table, Typography } from 'antd';
import type { Project } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatWan } from '../lib/format.ts';
import { leadText } from '../lib/scorecard.ts';
import { EmptyState } from './EmptyState.tsx';

export function IndicatorProjects({ projects }: { projects: Project[] }) {
  const { t } = useI18n();
  const none = t('common.none');
  if (projects.length === 0) return <EmptyState text={t('indicator.projectsNone')} />;
  const total = projects.reduce((s, p) => s + (p.investmentWan ?? 0), 0);
  const rows = projects.map((p, i) => ({ key: `${i}`, p }));
  return (
    <div data-testid="indicator-projects">
      <Typography.Text type="secondary">{t('indicator.projectsTotal', { n: projects.length, v: formatWan(total, t) })}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 860 }}
        style={{ marginTop: 8 }}
        columns={[
          { key: 'number', title: t('projectsPage.col.number'), width: 56, align: 'right', render: (_, { p }) => p.number ?? none },
          { key: 'name', title: t('projectsPage.col.name'), width: 200, render: (_, { p }) => p.name },
          { key: 'category', title: t('projectsPage.col.category'), width: 130, render: (_, { p }) => p.category ?? p.group },
          {
            key: 'investment',
            title: t('projectsPage.col.investment'),
            width: 120,
            align: 'right',
            render: (_, { p }) => (p.investmentWan !== null ? formatNumber(p.investmentWan) : t('format.noData')),
          },
          { key: 'years', title: t('projectsPage.col.years'), width: 110, render: (_, { p }) => p.yearsPrinted ?? none },
          { key: 'lead', title: t('projectsPage.col.lead'), width: 130, render: (_, { p }) => leadText(p.leadUnits, t) },
        ]}
      />
    </div>
  );
}
