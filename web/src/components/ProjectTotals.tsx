// Project totals as the API gives them: count and investment, each beside the plan's stated figure.
import { Col, Row, Statistic, Typography } from 'antd';
import type { Projects } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatSigned, formatSignedWan, formatWanOrNoData } from '../lib/format.ts';

export function ProjectTotals({ p }: { p: Projects }) {
  const { t } = useI18n();
  const countDiff = p.countDifference ?? null;
  const moneyDiff = p.investmentDifferenceWan ?? null;
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={8}>
        <Statistic
          title={t('projects.count')}
          value={p.count}
          valueRender={(node) => <span data-testid="projects-count">{node}</span>}
        />
        {p.statedCount !== null ? (
          <div>
            <Typography.Text type="secondary">{t('projects.statedValue', { v: formatNumber(p.statedCount) })}</Typography.Text>
          </div>
        ) : null}
        {countDiff !== null ? (
          <Typography.Text type={countDiff !== 0 ? 'danger' : 'secondary'} strong={countDiff !== 0} data-testid="projects-count-difference">
            {t('projects.differenceValue', { v: formatSigned(countDiff) })}
          </Typography.Text>
        ) : null}
      </Col>
      <Col xs={24} md={16}>
        <Statistic
          title={t('projects.investment')}
          value={formatWanOrNoData(p.investmentWan, t)}
          valueRender={(node) => <span data-testid="projects-investment">{node}</span>}
        />
        {p.statedInvestmentWan !== null ? (
          <div>
            <Typography.Text type="secondary">
              {t('projects.statedValue', { v: formatWanOrNoData(p.statedInvestmentWan, t, p.approximate ?? false) })}
            </Typography.Text>
          </div>
        ) : null}
        {moneyDiff !== null ? (
          <Typography.Text type={moneyDiff !== 0 ? 'danger' : 'secondary'} strong={moneyDiff !== 0} data-testid="projects-investment-difference">
            {t('projects.differenceValue', { v: formatSignedWan(moneyDiff, t) })}
          </Typography.Text>
        ) : null}
        {p.missingInvestment ? (
          <div>
            <Typography.Text type="danger">{t('projects.missing', { n: p.missingInvestment })}</Typography.Text>
          </div>
        ) : null}
      </Col>
    </Row>
  );
}
