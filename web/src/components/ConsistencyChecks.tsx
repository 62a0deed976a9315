// Every check of the consistency report as a small card: how many findings, or that it found nothing.
// A card with findings selects its kind.
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { ConsistencyCheck, FindingKind } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { SEVERITY_COLOR } from '../lib/consistency.ts';

interface Props {
  checks: ConsistencyCheck[];
  selected: FindingKind | undefined;
  onSelect: (kind: FindingKind | undefined) => void;
}

export function ConsistencyChecks({ checks, selected, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="consistency-checks">
      {checks.map((c) => {
        const active = selected === c.kind;
        const select = () => onSelect(active ? undefined : c.kind);
        return (
          <Col key={c.kind} xs={24} sm={12} xl={6}>
            <Card
              size="small"
              hoverable={c.count > 0}
              onClick={c.count > 0 ? select : undefined}
              style={{ height: '100%', borderColor: active ? '#237a4b' : undefined, boxShadow: active ? '0 0 0 1px #237a4b' : undefined }}
              data-testid={`consistency-check-${c.kind}`}
              aria-pressed={c.count > 0 ? active : undefined}
              role={c.count > 0 ? 'button' : undefined}
              tabIndex={c.count > 0 ? 0 : undefined}
              onKeyDown={c.count > 0 ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), select()) : undefined}
            >
              <Flex vertical gap={4}>
                <Typography.Text>{c.kindText}</Typography.Text>
                {c.count > 0 ? (
                  <Flex align="baseline" gap={8}>
                    <Typography.Text style={{ fontSize: 22, fontWeight: 600 }} data-testid={`consistency-count-${c.kind}`}>
                      {t('consistency.count', { n: c.count })}
                    </Typography.Text>
                    <Tag color={SEVERITY_COLOR[c.severity]}>{t(`consistency.severity.${c.severity}`)}</Tag>
                  </Flex>
                ) : (
                  <Typography.Text type="success" style={{ fontSize: 16, fontWeight: 600, lineHeight: '33px' }} data-testid={`consistency-count-${c.kind}`}>
                    {t('consistency.passed')}
                  </Typography.Text>
                )}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
