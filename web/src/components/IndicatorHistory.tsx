// The indicator in every year of the plan: value as printed, status, reason, target, where the value is
// printed, and whether a person confirmed the result.
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ResultItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import type { YearItem } from '../lib/indicator.ts';
import { SourceText } from './SourceText.tsx';
import { StatusTag } from './StatusTag.tsx';

function valueText(item: ResultItem, none: string): string {
  return item.value ?? none;
}

export function IndicatorHistory({ rows, current }: { rows: YearItem[]; current: number }) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <Table<YearItem>
      size="small"
      bordered
      pagination={false}
      rowKey={(r) => String(r.year)}
      dataSource={rows}
      tableLayout="fixed"
      scroll={{ x: 880 }}
      rowClassName={(r) => (r.year === current ? 'ecociv-current-row' : '')}
      data-testid="indicator-history"
      columns={[
        { key: 'year', title: t('indicator.col.year'), width: 72, render: (_, r) => t('common.yearValue', { year: r.year }) },
        { key: 'value', title: t('indicator.col.value'), width: 150, render: (_, r) => (r.item ? valueText(r.item, none) : none) },
        {
          key: 'status',
          title: t('indicator.col.status'),
          width: 110,
          render: (_, r) =>
            r.item ? (
              <span>
                <StatusTag status={r.item.status} />
                {r.item.confirmation ? (
                  <Tooltip title={t('scorecard.confirmedBy', { by: r.item.confirmation.by, at: r.item.confirmation.at })}>
                    <Tag color="blue" variant="filled" style={{ fontSize: 11, marginInlineStart: 4 }}>
                      {t('scorecard.confirmed')}
                    </Tag>
                  </Tooltip>
                ) : null}
              </span>
            ) : (
              none
            ),
        },
        {
          key: 'reason',
          title: t('indicator.col.reason'),
          render: (_, r) => <Typography.Text type="secondary">{r.item?.reason ?? none}</Typography.Text>,
        },
        {
          key: 'target',
          title: t('indicator.col.target'),
          width: 130,
          render: (_, r) => (r.item?.target ? t('detail.targetText', { year: r.item.target.year, printed: r.item.target.printed }) : none),
        },
        {
          key: 'source',
          title: t('indicator.col.source'),
          width: 150,
          render: (_, r) => {
            const o = r.item?.observation ?? r.item?.parts?.find((p) => p.observation)?.observation;
            return o?.source ? <SourceText source={o.source} /> : none;
          },
        },
      ]}
    />
  );
}
