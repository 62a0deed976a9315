// One framework on the overview: summary sentence, counts, score gauge, classes, stated figures, attention list.
import { Card, Col, Divider, Row, Tag, Typography } from 'antd';
import type { FrameworkAssessment } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AttentionList } from './AttentionList.tsx';
import { ClassComparison } from './ClassComparison.tsx';
import { ScoreGauge } from './ScoreGauge.tsx';
import { StatedStatements } from './StatedStatements.tsx';
import { StatusCounts } from './StatusCounts.tsx';

export function FrameworkCard({ fw, planId, year }: { fw: FrameworkAssessment; planId: string; year: number }) {
  const { t } = useI18n();
  const scored = fw.maxScore !== null;
  return (
    <Card
      data-testid={`framework-${fw.id}`}
      title={fw.name}
      extra={fw.version ? <Tag>{t('overview.version', { version: fw.version })}</Tag> : null}
      styles={{ title: { whiteSpace: 'normal' } }}
    >
      {fw.summary ? (
        <Typography.Paragraph style={{ fontSize: 20, lineHeight: 1.5, fontWeight: 500 }} data-testid={`summary-${fw.id}`}>
          {fw.summary}
        </Typography.Paragraph>
      ) : null}
      <StatusCounts fw={fw} />
      <Divider style={{ marginBlock: 16 }} />
      <Row gutter={[24, 16]}>
        {scored ? (
          <Col xs={24} lg={9}>
            <ScoreGauge fw={fw} />
          </Col>
        ) : null}
        <Col xs={24} lg={scored ? 15 : 10}>
          <ClassComparison fw={fw} />
        </Col>
        <Col xs={24} lg={scored ? 24 : 14}>
          <StatedStatements fw={fw} />
        </Col>
      </Row>
      <Divider style={{ marginBlock: 16 }} />
      <AttentionList results={fw.results} frameworkId={fw.id} planId={planId} year={year} />
    </Card>
  );
}
