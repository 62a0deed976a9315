// One card per project group: how many projects and how much investment, each beside the plan's stated
// figure, the differences in red.
import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ProjectRollup } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatWanOrNoData } from '../lib/format.ts';
import { DifferenceText } from './DifferenceText.tsx';

export function ProjectGroupCards({ groups }: { groups: ProjectRollup[] }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {groups.map((g, i) => (
        <Col key={g.name} xs={24} sm={12} xl={8} xxl={Math.max(4, Math.floor(24 / Math.max(groups.length, 1)))}>
          <Card size="small" style={{ height: '100%' }} data-testid={`project-group-${i}`}>
            <Flex vertical gap={4}>
              <Typography.Text strong>{g.number ? `${g.number} ${g.name}` : g.name}</Typography.Text>
              <Typography.Text style={{ fontSize: 20, fontWeight: 600 }} data-testid={`project-group-count-${i}`}>
                {t('projectsPage.groupCount', { n: formatNumber(g.count) })}
              </Typography.Text>
              <Typography.Text>{formatWanOrNoData(g.investmentWan, t)}</Typography.Text>
              {g.statedCount !== null || g.statedInvestmentWan !== null ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('projectsPage.groupStated', {
                    count: g.statedCount !== null ? formatNumber(g.statedCount) : t('common.none'),
                    investment: formatWanOrNoData(g.statedInvestmentWan, t, g.approximate ?? false),
                  })}
                </Typography.Text>
              ) : null}
              <Flex gap={12} wrap style={{ fontSize: 12 }}>
                {g.countDifference !== null && g.countDifference !== undefined ? <DifferenceText v={g.countDifference} /> : null}
                {g.investmentDifferenceWan !== null && g.investmentDifferenceWan !== undefined ? (
                  <DifferenceText v={g.investmentDifferenceWan} money />
                ) : null}
              </Flex>
              {g.missingInvestment ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {t('projects.missing', { n: g.missingInvestment })}
                </Typography.Text>
              ) : null}
            </Flex>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
