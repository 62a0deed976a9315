// The projects on the date with their latest report: key, name, lead units, investment, latest period, share of
// the investment completed, physical progress, status and review; searchable and filterable by status. Rows are
// focusable: Enter or Space opens the project (its reports, changes and the report form), arrow keys move.
import { Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import type { StatusKey, TrackedProject } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { openableRow } from '../lib/rowFocus.ts';
import { leadText } from '../lib/scorecard.ts';
import { PROJECT_STATUS_COLOR, REVIEW_COLOR, STATUS_KEYS, formatPercent, formatShare } from '../lib/tracking.ts';
import { KeyTag } from './KeyTag.tsx';

interface Props {
  projects: TrackedProject[];
  onOpen: (key: string, row: HTMLElement) => void;
}

export const statusOf = (p: TrackedProject): StatusKey => (p.cancelled ? 'cancelled' : (p.latest?.status ?? 'noReport'));

function matches(p: TrackedProject, q: string): boolean {
  return q === '' || p.key.toLowerCase() === q || p.name.toLowerCase().includes(q) || p.leadUnits.some((u) => u.toLowerCase().includes(q));
}

export function ProgressProjectTable({ projects, onOpen }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusKey | undefined>();
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return projects.filter((p) => matches(p, q) && (status === undefined || statusOf(p) === status));
  }, [projects, search, status]);

  const columns: ColumnsType<TrackedProject> = [
    { key: 'key', title: t('progress.col.key'), width: 64, align: 'right', render: (_, p) => p.key },
    {
      key: 'name',
      title: t('progress.col.project'),
      width: 240,
      render: (_, p) => (
        <>
          <Typography.Text strong delete={p.cancelled}>
            {p.name}
          </Typography.Text>
          {!p.original ? <Tag color="blue" style={{ marginInlineStart: 6 }}>{t('progress.added')}</Tag> : null}
          {p.changes.length > 0 && p.original ? <Tag style={{ marginInlineStart: 6 }}>{t('progress.changed', { n: p.changes.length })}</Tag> : null}
        </>
      ),
    },
    { key: 'lead', title: t('progress.col.lead'), width: 150, render: (_, p) => leadText(p.leadUnits, t) },
    { key: 'investment', title: t('progress.col.investmentWan'), width: 110, align: 'right', render: (_, p) => (p.investmentWan !== null ? formatNumber(p.investmentWan) : t('format.noData')) },
    { key: 'latest', title: t('progress.col.latest'), width: 96, render: (_, p) => p.latest?.period ?? none },
    {
      key: 'completed',
      title: t('progress.col.completedShare'),
      width: 150,
      align: 'right',
      render: (_, p) =>
        p.latest ? (
          <>
            <div>{formatShare(p.completedShare) ?? none}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('progress.cumulativeWan', { v: formatNumber(p.latest.investmentCumulativeWan) })}
            </Typography.Text>
          </>
        ) : (
          none
        ),
    },
    { key: 'physical', title: t('progress.col.physical'), width: 88, align: 'right', render: (_, p) => formatPercent(p.latest?.physicalPercent) ?? none },
    { key: 'status', title: t('progress.col.status'), width: 90, render: (_, p) => <KeyTag value={statusOf(p)} colors={PROJECT_STATUS_COLOR} label={t(`projectStatus.${statusOf(p)}`)} /> },
    { key: 'review', title: t('progress.col.review'), width: 90, render: (_, p) => (p.latest ? <KeyTag value={p.latest.review} colors={REVIEW_COLOR} label={t(`review.${p.latest.review}`)} /> : none) },
  ];

  return (
    <div>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('progress.search')}
          placeholder={t('progress.search')}
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="progress-search"
        />
        <Select<StatusKey>
          allowClear
          aria-label={t('progress.filterStatus')}
          placeholder={t('progress.filterStatus')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={STATUS_KEYS.map((k) => ({ value: k, label: t(`projectStatus.${k}`) }))}
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid="progress-shown">
          {t('progress.shown', { shown: shown.length, total: projects.length })}
        </Typography.Text>
      </Flex>
      <Table<TrackedProject>
        size="small"
        bordered
        rowKey="key"
        dataSource={shown}
        columns={columns}
        tableLayout="fixed"
        scroll={{ x: 1080 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100], hideOnSinglePage: true }}
        locale={{ emptyText: t('progress.empty') }}
        rowClassName={() => 'ecociv-row'}
        onRow={(p) => openableRow(t('progress.rowLabel', { key: p.key, name: p.name }), (el) => onOpen(p.key, el))}
        data-testid="progress-projects"
      />
    </div>
  );
}
