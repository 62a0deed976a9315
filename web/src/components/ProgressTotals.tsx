// Project totals on the date: the adjusted list beside the plan as issued and the totals the document states
// (every difference shown, red when not zero), investment due by the schedule, completed, and counts by status.
import { Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Progress } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatSigned } from '../lib/format.ts';
import { PROJECT_STATUS_COLOR, STATUS_KEYS, formatShare } from '../lib/tracking.ts';
import { KeyTag } from './KeyTag.tsx';

function Line({ children, diff }: { children: ReactNode; diff?: number | null }) {
  const marked = diff !== undefined && diff !== null && diff !== 0;
  return (
    <div>
      <Typography.Text type={marked ? 'danger' : 'secondary'} strong={marked}>
        {children}
      </Typography.Text>
    </div>
  );
}

export function ProgressTotals({ p }: { p: Progress }) {
  const { t } = useI18n();
  const total = p.rollup.total;
  const s = p.stated;
  const countChange = total.adjustedCount - total.originalCount;
  const moneyChange = (total.adjustedInvestmentWan ?? 0) - (total.originalInvestmentWan ?? 0);
  const scheduledShare = total.adjustedInvestmentWan ? total.scheduledWan / total.adjustedInvestmentWan : null;
  // 万元 as the plans print them (no 亿元 here: the figures stand side by side)
  const wan = (n: number | null) => (n === null ? t('format.noData') : t('format.wan', { n: formatNumber(Math.round(n * 100) / 100) }));
  const signedWan = (n: number) => (n > 0 ? `+${wan(n)}` : n < 0 ? `−${wan(-n)}` : wan(0));
  return (
    <Flex vertical gap={16}>
      <Row gutter={[24, 16]}>
        <Col xs={24} md={12} xl={5}>
          <Statistic title={t('progress.count')} value={total.adjustedCount} valueRender={(n) => <span data-testid="progress-count">{n}</span>} />
          <Line>{t('progress.original', { v: formatNumber(total.originalCount) })}</Line>
          {s.statedCount !== null ? <Line>{t('progress.stated', { v: formatNumber(s.statedCount) })}</Line> : null}
          <Line diff={countChange}>{t('progress.adjustedVsOriginal', { v: formatSigned(countChange) })}</Line>
          {s.countDifference !== null && s.countDifference !== undefined ? (
            <Line diff={s.countDifference}>{t('progress.rowsVsStated', { v: formatSigned(s.countDifference) })}</Line>
          ) : null}
        </Col>
        <Col xs={24} md={12} xl={7}>
          <Statistic
            title={t('progress.investment')}
            value={wan(total.adjustedInvestmentWan)}
            valueRender={(n) => <span data-testid="progress-investment">{n}</span>}
          />
          <Line>{t('progress.original', { v: wan(total.originalInvestmentWan) })}</Line>
          {s.statedInvestmentWan !== null ? <Line>{t('progress.stated', { v: wan(s.statedInvestmentWan) })}</Line> : null}
          <Line diff={moneyChange}>{t('progress.adjustedVsOriginal', { v: signedWan(moneyChange) })}</Line>
          {s.investmentDifferenceWan !== null && s.investmentDifferenceWan !== undefined ? (
            <Line diff={s.investmentDifferenceWan}>{t('progress.rowsVsStated', { v: signedWan(s.investmentDifferenceWan) })}</Line>
          ) : null}
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Statistic title={t('progress.scheduled')} value={wan(Math.round(total.scheduledWan))} valueRender={(n) => <span data-testid="progress-scheduled">{n}</span>} />
          <Line>{t('progress.scheduledShare', { v: formatShare(scheduledShare) ?? t('common.none') })}</Line>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Statistic title={t('progress.completed')} value={wan(total.completedWan)} valueRender={(n) => <span data-testid="progress-completed">{n}</span>} />
          <Line>
            <span data-testid="progress-completed-share">{t('progress.completedShare', { v: formatShare(total.completedShare) ?? t('common.none') })}</span>
          </Line>
        </Col>
      </Row>
      <Flex wrap gap={8} align="center" data-testid="progress-status-counts">
        <Typography.Text type="secondary">{t('progress.byStatus')}</Typography.Text>
        {STATUS_KEYS.map((k) => (
          <span key={k}>
            <KeyTag value={k} colors={PROJECT_STATUS_COLOR} label={t('progress.statusCount', { status: t(`projectStatus.${k}`), n: total.statusCounts[k] })} testId={`progress-status-${k}`} />
          </span>
        ))}
      </Flex>
    </Flex>
  );
}
