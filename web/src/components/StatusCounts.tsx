// Counts by status for one framework, each number carrying data-testid="count-<status>-<frameworkId>".
import { Flex, Statistic, Tag } from 'antd';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { STATUSES, STATUS_TAG_COLOR, STATUS_TEXT_COLOR } from '../lib/status.ts';

export function StatusCounts({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  return (
    <Flex wrap gap={28} align="flex-start">
      <Statistic
        title={t('status.applicable')}
        value={fw.applicable}
        valueRender={(node) => <span data-testid={`count-applicable-${fw.id}`}>{node}</span>}
      />
      {STATUSES.map((s) => (
        <Statistic
          key={s}
          title={<Tag color={STATUS_TAG_COLOR[s]}>{t(`status.${s}`)}</Tag>}
          value={fw[s]}
          styles={{ content: { color: STATUS_TEXT_COLOR[s] } }}
          valueRender={(node) => <span data-testid={`count-${s}-${fw.id}`}>{node}</span>}
        />
      ))}
      {fw.confirmed ? (
        <Tag color="blue" style={{ alignSelf: 'center' }}>
          {t('status.confirmed', { n: fw.confirmed })}
        </Tag>
      ) : null}
    </Flex>
  );
}
