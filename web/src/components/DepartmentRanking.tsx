// 部门考核 ranking: rank, unit, total, and each part's score (its weight in the header); a row expands to the
// sentence behind every part's score. Expanding is a button in the row, so it works from the keyboard.
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AssessmentPart, Departments, UnitScore } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';

function scoreText(n: number | null, none: string): string {
  return n === null ? none : formatNumber(n);
}

export function DepartmentRanking({ d }: { d: Departments }) {
  const { t } = useI18n();
  const none = t('departments.notScored');
  const partCols: ColumnsType<UnitScore> = d.parts.map((part: AssessmentPart) => ({
    key: part,
    title: t('departments.col.part', { part: t(`part.${part}`), weight: formatNumber(d.weights[part]) }),
    width: 120,
    align: 'right',
    render: (_, u) => {
      const s = u.parts.find((p) => p.part === part)?.score ?? null;
      return s === null ? <Typography.Text type="secondary">{none}</Typography.Text> : formatNumber(s);
    },
  }));
  const columns: ColumnsType<UnitScore> = [
    { key: 'rank', title: t('departments.col.rank'), width: 64, align: 'right', render: (_, u) => u.rank },
    { key: 'unit', title: t('departments.col.unit'), width: 200, render: (_, u) => <Typography.Text strong>{u.unit}</Typography.Text> },
    { key: 'total', title: t('departments.col.total'), width: 96, align: 'right', render: (_, u) => <Typography.Text strong data-testid={`total-${u.unit}`}>{scoreText(u.total, none)}</Typography.Text> },
    ...partCols,
  ];
  return (
    <Table<UnitScore>
      size="small"
      bordered
      rowKey="unit"
      dataSource={d.ranking}
      columns={columns}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('departments.empty') }}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (u) => (
          <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid={`reasons-${u.unit}`}>
            {u.parts.map((p) => (
              <li key={p.part}>
                <Typography.Text strong>{t('departments.partScore', { part: t(`part.${p.part}`), score: scoreText(p.score, none), weight: formatNumber(p.weight) })}</Typography.Text>
                {p.reason}
              </li>
            ))}
          </ul>
        ),
      }}
      data-testid="department-ranking"
    />
  );
}
