// The project list as the plan prints it. Rows are focusable: Enter or Space opens the detail, arrow keys
// move between rows.
import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import type { Project } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { openableRow } from '../lib/rowFocus.ts';
import { leadText } from '../lib/scorecard.ts';

interface Props {
  projects: Project[];
  onOpen: (p: Project, row: HTMLElement) => void;
}

export function ProjectsTable({ projects, onOpen }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const rows = projects.map((p, i) => ({ key: `${i}`, p }));
  type R = (typeof rows)[number];

  const columns: ColumnsType<R> = [
    { key: 'number', title: t('projectsPage.col.number'), width: 56, align: 'right', render: (_, { p }) => p.number ?? none },
    { key: 'category', title: t('projectsPage.col.category'), width: 120, render: (_, { p }) => p.category ?? p.group },
    { key: 'subCategory', title: t('projectsPage.col.subCategory'), width: 130, render: (_, { p }) => p.subCategory ?? none },
    { key: 'name', title: t('projectsPage.col.name'), width: 190, render: (_, { p }) => <Typography.Text strong>{p.name}</Typography.Text> },
    {
      key: 'content',
      title: t('projectsPage.col.content'),
      width: 260,
      ellipsis: { showTitle: false },
      render: (_, { p }) =>
        p.content ? (
          <Tooltip title={p.content} placement="topLeft">
            <span>{p.content}</span>
          </Tooltip>
        ) : (
          none
        ),
    },
    {
      key: 'investment',
      title: t('projectsPage.col.investment'),
      width: 120,
      align: 'right',
      render: (_, { p }) => (p.investmentWan !== null ? formatNumber(p.investmentWan) : <Typography.Text type="secondary">{t('format.noData')}</Typography.Text>),
    },
    { key: 'years', title: t('projectsPage.col.years'), width: 104, render: (_, { p }) => p.yearsPrinted ?? none },
    { key: 'lead', title: t('projectsPage.col.lead'), width: 130, render: (_, { p }) => leadText(p.leadUnits, t) },
    { key: 'origin', title: t('projectsPage.col.origin'), width: 150, ellipsis: true, render: (_, { p }) => p.origin ?? none },
    {
      key: 'indicators',
      title: t('projectsPage.col.indicators'),
      width: 200,
      render: (_, { p }) => (p.indicators.length ? p.indicators.join(t('list.separator')) : none),
    },
  ];

  const rowProps = ({ p }: R): HTMLAttributes<HTMLElement> => openableRow(t('projectsPage.rowLabel', { name: p.name }), (el) => onOpen(p, el));

  return (
    <Table<R>
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: 1460 }}
      sticky={{ offsetHeader: 60 }}
      locale={{ emptyText: t('projectsPage.empty') }}
      rowClassName={() => 'ecociv-row'}
      onRow={rowProps}
      data-testid="projects-table"
    />
  );
}
