// One framework's rows on the data-entry sheet: the indicator, its requirement, last year's value, and the
// inputs for this year's value, note and source. A row whose year is already recorded shows it, locked.
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { EntryRow } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { columnOf, EMPTY_TYPED, isOpen, rowKey, rowName, type ProblemMap, type Typed } from '../lib/entry.ts';
import { EntryField } from './EntryField.tsx';

interface Props {
  rows: EntryRow[];
  year: number;
  typed: Record<string, Typed>;
  problems: ProblemMap;
  onChange: (row: EntryRow, patch: Partial<Typed>) => void;
}

const NOTE_MAX = 500;

export function EntryTable({ rows, year, typed, problems, onChange }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const of = (r: EntryRow) => typed[rowKey(r)] ?? EMPTY_TYPED;
  const problemsOf = (r: EntryRow, column: 'value' | 'note') => (problems[rowKey(r)] ?? []).filter((p) => columnOf(p.field) === column);

  const columns: ColumnsType<EntryRow> = [
    { key: 'number', title: t('entry.col.number'), width: 56, render: (_, r) => r.number },
    {
      key: 'name',
      title: t('entry.col.name'),
      width: 200,
      render: (_, r) => (
        <div>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.attribute ? (
            <Tag style={{ marginInlineStart: 6 }} variant="filled">
              {r.attribute}
            </Tag>
          ) : null}
          {r.part ? <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)', marginTop: 2 }}>{r.part}</div> : null}
        </div>
      ),
    },
    { key: 'unit', title: t('entry.col.unit'), width: 64, render: (_, r) => r.unit ?? '' },
    { key: 'requirement', title: t('entry.col.requirement'), width: 100, render: (_, r) => r.requirement ?? none },
    {
      key: 'previous',
      title: t('entry.col.previous'),
      width: 120,
      render: (_, r) => (r.previous ? t('entry.previous', { printed: r.previous.printed, year: r.previous.year }) : none),
    },
    {
      key: 'value',
      title: t('entry.col.value'),
      width: 220,
      render: (_, r) => {
        const key = rowKey(r);
        const label = t('entry.valueLabel', { name: rowName(r, t), year });
        if (!isOpen(r))
          return (
            <Flex gap={6} align="center">
              <EntryField
                column="value"
                testId={`entry-input-${key}`}
                errorTestId={`entry-error-${key}`}
                value={r.current?.printed ?? ''}
                onChange={() => undefined}
                label={label}
                disabled
                problems={[]}
              />
              <Tooltip title={t('entry.recordedTitle')}>
                <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid={`entry-recorded-${key}`}>
                  {t('entry.recorded')}
                </Tag>
              </Tooltip>
            </Flex>
          );
        return (
          <EntryField
            column="value"
            testId={`entry-input-${key}`}
            errorTestId={`entry-error-${key}`}
            value={of(r).value}
            onChange={(value) => onChange(r, { value })}
            label={label}
            placeholder={r.unit && r.unit !== '-' ? r.unit : undefined}
            problems={problemsOf(r, 'value')}
            extra={<span style={{ fontSize: 12 }}>{r.hint}</span>}
            maxLength={200}
          />
        );
      },
    },
    {
      key: 'note',
      title: t('entry.col.note'),
      width: 160,
      render: (_, r) =>
        isOpen(r) ? (
          <EntryField
            column="note"
            testId={`entry-note-${rowKey(r)}`}
            errorTestId={`entry-note-error-${rowKey(r)}`}
            value={of(r).note}
            onChange={(note) => onChange(r, { note })}
            label={t('entry.noteLabel', { name: rowName(r, t) })}
            placeholder={t('entry.notePlaceholder')}
            problems={problemsOf(r, 'note')}
            maxLength={NOTE_MAX}
          />
        ) : (
          none
        ),
    },
    {
      key: 'source',
      title: t('entry.col.source'),
      width: 160,
      render: (_, r) =>
        isOpen(r) ? (
          <EntryField
            column="source"
            testId={`entry-source-${rowKey(r)}`}
            errorTestId={`entry-source-error-${rowKey(r)}`}
            value={of(r).source}
            onChange={(source) => onChange(r, { source })}
            label={t('entry.sourceLabel', { name: rowName(r, t) })}
            placeholder={t('entry.sourcePlaceholder')}
            problems={[]}
            maxLength={NOTE_MAX}
          />
        ) : (
          none
        ),
    },
  ];

  return (
    <Table<EntryRow>
      className="ecociv-entry-table"
      size="middle"
      columns={columns}
      dataSource={rows}
      rowKey={rowKey}
      pagination={false}
      scroll={{ x: 1000 }}
      tableLayout="fixed"
    />
  );
}
