// The scorecard table: one row per indicator, grouped under domain/task header rows. Rows are
// focusable: Enter or Space opens the detail, arrow keys move between rows.
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import type { ResultItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { openableRow } from '../lib/rowFocus.ts';
import { leadText, pointsText, statedJudgement, type Row } from '../lib/scorecard.ts';
import { ClassTag } from './ClassTag.tsx';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  rows: Row[];
  scored: boolean;
  onOpen: (item: ResultItem, row: HTMLElement) => void;
}

export function ScorecardTable({ rows, scored, onOpen }: Props) {
  const { t } = useI18n();
  const item = (r: Row) => (r.kind === 'item' ? r.item : undefined);
  const hideInGroup = (r: Row) => (r.kind === 'group' ? { colSpan: 0 } : {});
  const columnCount = scored ? 10 : 9;

  const columns: ColumnsType<Row> = [
    {
      key: 'number',
      title: t('scorecard.col.number'),
      width: 52,
      onCell: (r) => (r.kind === 'group' ? { colSpan: columnCount } : {}),
      render: (_, r) =>
        r.kind === 'group' ? (
          <Flex gap={12} align="baseline">
            {r.domain ? <span>{r.domain}</span> : null}
            {r.task ? <Typography.Text type="secondary">{r.task}</Typography.Text> : null}
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
              {t('scorecard.groupCount', { n: r.count })}
            </Typography.Text>
          </Flex>
        ) : (
          r.item.number
        ),
    },
    {
      key: 'name',
      title: t('scorecard.col.name'),
      width: 200,
      onCell: hideInGroup,
      render: (_, r) => {
        const i = item(r);
        if (!i) return null;
        return (
          <div>
            <Typography.Text strong>{i.name}</Typography.Text>
            {i.attribute ? (
              <Tag style={{ marginInlineStart: 6 }} variant="filled">
                {i.attribute}
              </Tag>
            ) : null}
            {i.parts?.length ? (
              <ul style={{ margin: '2px 0 0', paddingInlineStart: 16, fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>
                {i.parts.map((p, k) => (
                  <li key={k}>{p.part}</li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      },
    },
    { key: 'unit', title: t('scorecard.col.unit'), width: 56, onCell: hideInGroup, render: (_, r) => item(r)?.unit ?? '' },
    {
      key: 'requirement',
      title: t('scorecard.col.requirement'),
      width: 140,
      onCell: hideInGroup,
      render: (_, r) => item(r)?.requirement ?? (item(r) ? t('common.none') : null),
    },
    {
      key: 'value',
      title: t('scorecard.col.value'),
      width: 140,
      onCell: hideInGroup,
      render: (_, r) => item(r)?.value ?? (item(r) ? t('common.none') : null),
    },
    {
      key: 'status',
      title: t('scorecard.col.status'),
      width: 92,
      onCell: hideInGroup,
      render: (_, r) => {
        const i = item(r);
        if (!i) return null;
        return (
          <Flex vertical gap={4} align="flex-start">
            <StatusTag status={i.status} />
            {i.confirmation ? (
              <Tooltip title={t('scorecard.confirmedBy', { by: i.confirmation.by, at: i.confirmation.at })}>
                <Tag color="blue" variant="filled" style={{ fontSize: 11, marginInlineEnd: 0 }} data-testid={`confirmed-${i.number}`}>
                  {t('scorecard.confirmed')}
                </Tag>
              </Tooltip>
            ) : null}
          </Flex>
        );
      },
    },
    ...(scored
      ? [
          {
            key: 'points',
            title: t('scorecard.col.points'),
            width: 72,
            align: 'right' as const,
            onCell: hideInGroup,
            render: (_: unknown, r: Row) => {
              const i = item(r);
              return i ? pointsText(i, t) : null;
            },
          },
        ]
      : []),
    {
      key: 'achievability',
      title: t('scorecard.col.achievability'),
      width: 104,
      onCell: hideInGroup,
      render: (_, r) => {
        const a = item(r)?.achievability;
        return a?.classText ? <ClassTag cls={a.class} text={a.classText} /> : item(r) ? t('common.none') : null;
      },
    },
    {
      key: 'stated',
      title: t('scorecard.col.stated'),
      width: 120,
      onCell: hideInGroup,
      render: (_, r) => {
        const i = item(r);
        if (!i) return null;
        const lines = statedJudgement(i.achievability, t);
        if (lines.length === 0) return t('common.none');
        return (
          <Typography.Text type={i.achievability?.differs ? 'danger' : undefined}>
            {lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </Typography.Text>
        );
      },
    },
    {
      key: 'lead',
      title: t('scorecard.col.leadUnits'),
      width: 120,
      onCell: hideInGroup,
      render: (_, r) => {
        const i = item(r);
        return i ? leadText(i.leadUnits, t) : null;
      },
    },
  ];

  const rowProps = (r: Row): HTMLAttributes<HTMLElement> =>
    r.kind === 'group' ? {} : openableRow(t('scorecard.rowLabel', { number: r.item.number, name: r.item.name }), (el) => onOpen(r.item, el));

  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: scored ? 1096 : 1024 }}
      sticky={{ offsetHeader: 60 }}
      locale={{ emptyText: t('scorecard.empty') }}
      rowClassName={(r) => (r.kind === 'group' ? 'ecociv-group-row' : 'ecociv-row')}
      onRow={rowProps}
    />
  );
}
