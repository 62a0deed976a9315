// Roll-ups by group, category, lead unit and township (tabs): the plan as issued and as adjusted, investment due
// by the schedule and completed, the share completed, and counts by status; the total in the last row. The group
// tab also shows the document's stated figures and the difference.
import { Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { Progress, ProgressRow, ProjectRollup } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatSignedWan } from '../lib/format.ts';
import { PROJECT_STATUS_COLOR, STATUS_KEYS, formatShare } from '../lib/tracking.ts';
import { KeyTag } from './KeyTag.tsx';

type Dimension = 'groups' | 'categories' | 'leadUnits' | 'townships';
const DIMENSIONS: Dimension[] = ['groups', 'categories', 'leadUnits', 'townships'];

type Stated = Pick<ProjectRollup, 'statedInvestmentWan' | 'investmentDifferenceWan' | 'approximate'>;

interface Props {
  rows: ProgressRow[];
  total: ProgressRow;
  /** the document's stated figures by row name, and for the total */
  stated?: { rows: ProjectRollup[]; total: Stated };
  testId: string;
}

function RollupTable({ rows, total, stated, testId }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const money = (n: number | null) => (n === null ? t('format.noData') : formatNumber(n));
  const statedOf = (r: ProgressRow): Stated | undefined => (r === total ? stated?.total : stated?.rows.find((g) => g.name === r.name));
  const columns: ColumnsType<ProgressRow> = [
    { key: 'name', title: t('progress.col.name'), width: 160, fixed: 'left', render: (_, r) => r.name || <Typography.Text type="secondary">{t('progress.noName')}</Typography.Text> },
    {
      key: 'original',
      title: t('progress.col.original'),
      children: [
        { key: 'oc', title: t('progress.col.count'), align: 'right', width: 64, render: (_, r) => formatNumber(r.originalCount) },
        { key: 'oi', title: t('progress.col.investment'), align: 'right', width: 100, render: (_, r) => money(r.originalInvestmentWan) },
      ],
    },
    {
      key: 'adjusted',
      title: t('progress.col.adjusted'),
      children: [
        { key: 'ac', title: t('progress.col.count'), align: 'right', width: 64, render: (_, r) => formatNumber(r.adjustedCount) },
        { key: 'ai', title: t('progress.col.investment'), align: 'right', width: 100, render: (_, r) => money(r.adjustedInvestmentWan) },
      ],
    },
    ...(stated
      ? [
          {
            key: 'stated',
            title: t('progress.col.stated'),
            width: 130,
            render: (_: unknown, r: ProgressRow) => {
              const g = statedOf(r);
              if (!g || g.statedInvestmentWan === null) return none;
              // no difference where the rows carry no investment to compare
              const diff = g.investmentDifferenceWan ?? null;
              return (
                <>
                  <div>{g.approximate ? t('format.approx', { v: formatNumber(g.statedInvestmentWan) }) : formatNumber(g.statedInvestmentWan)}</div>
                  {diff !== null ? (
                    <Typography.Text type={diff !== 0 ? 'danger' : 'secondary'} strong={diff !== 0} style={{ fontSize: 12 }}>
                      {t('progress.difference', { v: formatSignedWan(diff, t) })}
                    </Typography.Text>
                  ) : null}
                </>
              );
            },
          },
        ]
      : []),
    { key: 'scheduled', title: t('progress.col.scheduled'), align: 'right', width: 110, render: (_, r) => formatNumber(Math.round(r.scheduledWan)) },
    { key: 'completed', title: t('progress.col.completed'), align: 'right', width: 110, render: (_, r) => formatNumber(r.completedWan) },
    { key: 'share', title: t('progress.col.share'), align: 'right', width: 80, render: (_, r) => formatShare(r.completedShare) ?? none },
    {
      key: 'status',
      title: t('progress.col.status'),
      width: 200,
      render: (_, r) => (
        <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
          {STATUS_KEYS.filter((k) => r.statusCounts[k] > 0).map((k) => (
            <KeyTag key={k} value={k} colors={PROJECT_STATUS_COLOR} label={t('progress.statusCount', { status: t(`projectStatus.${k}`), n: r.statusCounts[k] })} />
          ))}
        </span>
      ),
    },
  ];
  const leaves = columns.flatMap((c) => ('children' in c && c.children ? c.children : [c]));
  return (
    <Table<ProgressRow>
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => r.name || '—'}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 1120, y: 360 }}
      data-testid={testId}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            {leaves.map((c, i) => (
              <Table.Summary.Cell key={String(c.key)} index={i} align={c.align}>
                {i === 0 ? t('progress.total') : c.render ? (c.render(undefined, total, 0) as ReactNode) : null}
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

export function ProgressRollupTabs({ p }: { p: Progress }) {
  const { t } = useI18n();
  return (
    <Tabs
      items={DIMENSIONS.map((d) => ({
        key: d,
        label: t(`progress.by.${d}`),
        children: <RollupTable rows={p.rollup[d]} total={p.rollup.total} stated={d === 'groups' ? { rows: p.stated.groups, total: p.stated } : undefined} testId={`progress-rollup-${d}`} />,
      }))}
    />
  );
}
