// Project groups: counts and investment against the plan's stated figures, differences in red.
import { Table, Typography } from 'antd';
import type { ProjectRollup, Projects } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatSigned, formatSignedWan, formatWanOrNoData } from '../lib/format.ts';

function Diff({ v, money }: { v: number | null | undefined; money?: boolean }) {
  const { t } = useI18n();
  if (v === null || v === undefined) return <>{t('common.none')}</>;
  return (
    <Typography.Text type={v !== 0 ? 'danger' : undefined} strong={v !== 0}>
      {money ? formatSignedWan(v, t) : formatSigned(v)}
    </Typography.Text>
  );
}

export function ProjectGroupsTable({ p }: { p: Projects }) {
  const { t } = useI18n();
  const money = (v: number | null, approx = false) => formatWanOrNoData(v, t, approx);
  return (
    <Table<ProjectRollup>
      size="small"
      pagination={false}
      rowKey={(g) => g.name}
      dataSource={p.groups}
      scroll={{ x: 960 }}
      columns={[
        { key: 'number', title: t('projects.number'), width: 56, render: (_, g) => g.number ?? '' },
        { key: 'name', title: t('projects.group'), dataIndex: 'name' },
        { key: 'count', title: t('projects.count'), align: 'right', render: (_, g) => formatNumber(g.count) },
        { key: 'statedCount', title: t('projects.statedCount'), align: 'right', render: (_, g) => (g.statedCount !== null ? formatNumber(g.statedCount) : t('common.none')) },
        { key: 'countDiff', title: t('projects.difference'), align: 'right', render: (_, g) => <Diff v={g.countDifference} /> },
        { key: 'investment', title: t('projects.investment'), align: 'right', render: (_, g) => money(g.investmentWan) },
        { key: 'statedInvestment', title: t('projects.statedInvestment'), align: 'right', render: (_, g) => money(g.statedInvestmentWan, g.approximate) },
        { key: 'moneyDiff', title: t('projects.difference'), align: 'right', render: (_, g) => <Diff v={g.investmentDifferenceWan} money /> },
      ]}
      summary={() => (
        <Table.Summary.Row style={{ fontWeight: 600 }}>
          <Table.Summary.Cell index={0} />
          <Table.Summary.Cell index={1}>{t('projects.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{formatNumber(p.count)}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{p.statedCount !== null ? formatNumber(p.statedCount) : t('common.none')}</Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right"><Diff v={p.countDifference} /></Table.Summary.Cell>
          <Table.Summary.Cell index={5} align="right">{money(p.investmentWan)}</Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">{money(p.statedInvestmentWan, p.approximate)}</Table.Summary.Cell>
          <Table.Summary.Cell index={7} align="right"><Diff v={p.investmentDifferenceWan} money /></Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
