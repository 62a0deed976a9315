// 规划: the plans as cards; clicking one selects it and opens its overview.
import { Col, Flex, Row, Typography } from 'antd';
import type { PlanSummary } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { PlanCard } from '../components/PlanCard.tsx';
import { useI18n } from '../i18n/index.tsx';

export default function PlansPage({ plans, selectedId }: { plans: PlanSummary[]; selectedId: string | undefined }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={16} data-testid="plans-page">
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('plans.title')}
      </Typography.Title>
      {plans.length === 0 ? (
        <EmptyState text={t('plans.empty')} />
      ) : (
        <Row gutter={[16, 16]}>
          {plans.map((p) => (
            <Col key={p.id} xs={24} lg={12} xxl={8}>
              <PlanCard plan={p} selected={p.id === selectedId} />
            </Col>
          ))}
        </Row>
      )}
    </Flex>
  );
}
