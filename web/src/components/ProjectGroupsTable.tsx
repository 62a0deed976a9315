// Project groups: counts and investment against the plan's stated figures, differences in red.
import { Typography } from 'antd';
import type { ProjectRollup, Projects } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { SimpleTable } from './SimpleTable.tsx';
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
    <SimpleTable<ProjectRollup>
      rowKey={(g) => g.name}
      rows={p.groups}
      columns={[
        { key: 'number', title: t('projects.number'), width: 56, render: (g) => g.number ?? '' },
        { key: 'name', title: t('projects.group'), render: (g) => g.name },
        { key: 'count', title: t('projects.count'), align: 'right', render: (g) => formatNumber(g.count) },
        { key: 'statedCount', title: t('projects.statedCount'), align: 'right', render: (g) => (g.statedCount !== null ? formatNumber(g.statedCount) : t('common.none')) },
        { key: 'countDiff', title: t('projects.difference'), align: 'right', render: (g) => <Diff v={g.countDifference} /> },
        { key: 'investment', title: t('projects.investment'), align: 'right', render: (g) => money(g.investmentWan) },
        { key: 'statedInvestment', title: t('projects.statedInvestment'), align: 'right', render: (g) => money(g.statedInvestmentWan, g.approximate) },
        { key: 'moneyDiff', title: t('projects.difference'), align: 'right', render: (g) => <Diff v={g.investmentDifferenceWan} money /> },
      ]}
      footer={[
        '',
        t('projects.total'),
        formatNumber(p.count),
        p.statedCount !== null ? formatNumber(p.statedCount) : t('common.none'),
        <Diff key="c" v={p.countDifference} />,
        money(p.investmentWan),
        money(p.statedInvestmentWan, p.approximate),
        <Diff key="m" v={p.investmentDifferenceWan} money />,
      ]}
    />
  );
}
