// The year's work items: deadline, what is to be done (and the key task it breaks down), lead and cooperating
// units, how it stands on the date (按期完成 / 逾期完成 / 逾期未完成 / 未到期), its status, the latest progress and
// its supervision notices. Rows are focusable: Enter or Space opens the item, arrow keys move.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { WorkItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { openableRow } from '../lib/rowFocus.ts';
import { leadText } from '../lib/scorecard.ts';
import { TIMELINESS_COLOR, WORK_STATUS_COLOR } from '../lib/tracking.ts';
import { KeyTag } from './KeyTag.tsx';

interface Props {
  items: WorkItem[];
  onOpen: (id: number, row: HTMLElement) => void;
}

export function WorkItemsTable({ items, onOpen }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const columns: ColumnsType<WorkItem> = [
    { key: 'deadline', title: t('workplan.col.deadline'), width: 104, render: (_, i) => i.deadline },
    {
      key: 'title',
      title: t('workplan.col.title'),
      width: 260,
      render: (_, i) => (
        <>
          <Typography.Text strong>{i.title}</Typography.Text>
          {i.taskKey ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis={{ tooltip: i.task?.text ?? undefined }}>
              {t('workplan.taskRef', { key: i.taskKey, text: i.task?.text ?? '' })}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { key: 'lead', title: t('workplan.col.lead'), width: 130, render: (_, i) => i.leadUnit },
    { key: 'cooperating', title: t('workplan.col.cooperating'), width: 120, render: (_, i) => leadText(i.cooperatingUnits, t) },
    { key: 'timeliness', title: t('workplan.col.timeliness'), width: 104, render: (_, i) => <KeyTag value={i.timeliness} colors={TIMELINESS_COLOR} label={t(`timeliness.${i.timeliness}`)} testId={`timeliness-${i.id}`} /> },
    { key: 'status', title: t('workplan.col.status'), width: 88, render: (_, i) => <KeyTag value={i.status} colors={WORK_STATUS_COLOR} label={t(`workStatus.${i.status}`)} /> },
    {
      key: 'latest',
      title: t('workplan.col.latest'),
      ellipsis: true,
      render: (_, i) => {
        const u = i.updates[i.updates.length - 1];
        return u ? t('workplan.latestText', { on: u.reportedOn, progress: u.progress }) : none;
      },
    },
    {
      key: 'notices',
      title: t('workplan.col.notices'),
      width: 104,
      render: (_, i) => {
        const open = i.notices.filter((n) => n.reply === null).length;
        if (i.notices.length === 0) return none;
        return open > 0 ? <Tag color="error">{t('workplan.noticesOpen', { n: open })}</Tag> : <Tag>{t('workplan.noticesReplied', { n: i.notices.length })}</Tag>;
      },
    },
  ];
  return (
    <Table<WorkItem>
      size="small"
      bordered
      rowKey="id"
      dataSource={items}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: 1100 }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('workplan.noItems') }}
      rowClassName={() => 'ecociv-row'}
      onRow={(i) => openableRow(t('workplan.rowLabel', { title: i.title }), (el) => onOpen(i.id, el))}
      data-testid="work-items"
    />
  );
}
