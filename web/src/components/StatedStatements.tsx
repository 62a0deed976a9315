// What the plan document itself says about a framework (counts, score, classes), with its sentence and
// line, set against the engine's figures. Differences are in red.
import { Flex, Tag, Typography } from 'antd';
import type { FrameworkAssessment, StatedSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { isStatus } from '../lib/status.ts';

function engineCount(fw: FrameworkAssessment, key: string): number | null {
  if (key === 'applicable') return fw.applicable;
  if (isStatus(key)) return fw[key];
  return null;
}

function Statement({ fw, s }: { fw: FrameworkAssessment; s: StatedSummary }) {
  const { t } = useI18n();
  const label = (key: string) => (key === 'applicable' ? t('status.applicable') : isStatus(key) ? t(`status.${key}`) : key);
  const counts = Object.entries(s.counts ?? {});
  return (
    <div data-testid={`stated-${fw.id}`}>
      <Typography.Text type="secondary">
        {s.year !== undefined
          ? t('source.statedYear', { year: s.year, document: s.source.document, line: s.source.line })
          : t('source.stated', { document: s.source.document, line: s.source.line })}
      </Typography.Text>
      <blockquote className="ecociv-quote">{s.printed}</blockquote>
      {counts.length > 0 || s.score !== null ? (
        <Flex wrap gap={8} style={{ marginTop: 6 }}>
          {counts.map(([k, v]) => {
            const engine = engineCount(fw, k);
            const differs = engine !== null && engine !== v;
            return (
              <Tag key={k} color={differs ? 'red' : 'default'}>
                {t('overview.compareItem', { label: label(k), stated: v, engine: engine ?? t('common.none') })}
                {differs ? ` · ${t('overview.differs')}` : ''}
              </Tag>
            );
          })}
          {s.score !== null ? (
            <Tag color={fw.score !== null && fw.score !== s.score ? 'red' : 'default'}>
              {t('overview.statedScore', { stated: formatNumber(s.score), engine: fw.score !== null ? formatNumber(fw.score) : t('common.none') })}
              {fw.score !== null && fw.score !== s.score ? ` · ${t('overview.differs')}` : ''}
            </Tag>
          ) : null}
        </Flex>
      ) : null}
    </div>
  );
}

export function StatedStatements({ fw }: { fw: FrameworkAssessment }) {
  const { t } = useI18n();
  const stated = fw.stated ?? [];
  return (
    <div>
      <Typography.Text strong>{t('overview.statedTitle')}</Typography.Text>
      {stated.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('overview.noStated')}</Typography.Text>
        </div>
      ) : (
        <Flex vertical gap={12} style={{ marginTop: 4 }}>
          {stated.map((s, i) => (
            <Statement key={i} fw={fw} s={s} />
          ))}
        </Flex>
      )}
    </div>
  );
}
