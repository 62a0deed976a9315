// Achievability class counts: the engine's beside each count the plan document states.
import { Typography } from 'antd';
import type { AchievabilityClass, FrameworkAssessment, StatedSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { CLASSES, classKeyOf } from '../lib/status.ts';
import { ClassTag } from './ClassTag.tsx';
import { SimpleTable } from './SimpleTable.tsx';

interface Row {
  key: AchievabilityClass;
  engine: number | null;
  stated: (number | null)[];
}

function statedCounts(s: StatedSummary): Partial<Record<AchievabilityClass, number>> {
  const out: Partial<Record<AchievabilityClass, number>> = {};
  for (const [k, v] of Object.entries(s.classes ?? {})) {
    const c = classKeyOf(k);
    if (c) out[c] = v;
  }
  return out;
}

export function ClassComparison({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const withClasses = (fw.stated ?? []).filter((s) => s.classes && Object.keys(s.classes).length > 0);
  const stated = withClasses.map(statedCounts);
  const rows: Row[] = CLASSES.map((c) => ({
    key: c,
    engine: fw.classes ? fw.classes[c] : null,
    stated: stated.map((s) => s[c] ?? null),
  }));
  const cell = (v: number | null, engine: number | null) =>
    v === null ? (
      t('common.none')
    ) : (
      <Typography.Text type={engine !== null && v !== engine ? 'danger' : undefined} strong={engine !== null && v !== engine}>
        {v}
      </Typography.Text>
    );
  return (
    <SimpleTable<Row>
      rowKey={(r) => r.key}
      rows={rows}
      title={<Typography.Text strong>{t('overview.classes')}</Typography.Text>}
      columns={[
        { key: 'class', title: t('overview.classColumn'), render: (r) => <ClassTag cls={r.key} /> },
        {
          key: 'engine',
          title: t('overview.engine'),
          align: 'right',
          render: (r) => <span data-testid={`class-${r.key}-${fw.id}`}>{r.engine ?? t('common.none')}</span>,
        },
        ...withClasses.map((s, i) => ({
          key: `stated-${i}`,
          title: t('overview.statedColumn', { line: s.source.line }),
          align: 'right' as const,
          render: (r: Row) => cell(r.stated[i] ?? null, r.engine),
        })),
      ]}
    />
  );
}
