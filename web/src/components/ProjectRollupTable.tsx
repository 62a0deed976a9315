// A compact roll-up (by category or by lead unit): name, project count, investment.
import { Table } from 'antd';
import type { ProjectRollup } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';

export function ProjectRollupTable({ rows, testId }: { rows: ProjectRollup[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<ProjectRollup>
      size="small"
      pagination={false}
      rowKey={(r) => r.name}
      dataSource={rows}
      scroll={{ y: 264 }}
      data-testid={testId}
      columns={[
        { key: 'name', title: t('projectsPage.name'), render: (_, r) => r.name || t('projectsPage.noLead') },
        { key: 'count', title: t('projects.count'), align: 'right', width: 76, render: (_, r) => formatNumber(r.count) },
        {
          key: 'investment',
          title: t('projectsPage.col.investment'),
          align: 'right',
          width: 124,
          render: (_, r) => (r.investmentWan !== null ? formatNumber(r.investmentWan) : t('format.noData')),
        },
      ]}
    />
  );
}
