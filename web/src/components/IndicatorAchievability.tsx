// Achievability on the indicator page: the engine's class, reason and figures (gaps, the change and growth
// needed each year) on one side, the plan document's own judgement on the other.
import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { Achievability, StatedJudgements } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { isStatus } from '../lib/status.ts';
import { ClassTag } from './ClassTag.tsx';
import { FiguresList } from './FiguresList.tsx';
import { SourceText } from './SourceText.tsx';
import { StatusTag } from './StatusTag.tsx';

const KEY_FIGURES = ['gapToRequirement', 'gapToTarget', 'annualChangeNeeded', 'growthNeeded'] as const;

interface Props {
  a: Achievability | null;
  stated: StatedJudgements | undefined;
  title?: string;
}

export function IndicatorAchievability({ a, stated, title }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const s = a?.stated ?? null;
  const figures = a?.figures ?? null;
  const figure = (k: (typeof KEY_FIGURES)[number]) => {
    const v = figures?.[k];
    if (v === undefined) return none;
    return k === 'growthNeeded' ? t('indicator.growthValue', { v: formatNumber(Math.round(v * 10000) / 100) }) : formatNumber(v);
  };
  const statedStatus = stated?.status;
  return (
    <Row gutter={[16, 16]} data-testid="indicator-achievability">
      <Col xs={24} xl={14}>
        <Card size="small" title={title ? `${title} · ${t('indicator.engine')}` : t('indicator.engine')} style={{ height: '100%' }}>
          {a ? (
            <Flex vertical gap={12}>
              <div>{a.class ? <ClassTag cls={a.class} text={a.classText} /> : none}</div>
              <Typography.Text>{a.reason ?? none}</Typography.Text>
              {figures ? (
                <>
                  <Row gutter={[12, 12]}>
                    {KEY_FIGURES.map((k) => (
                      <Col key={k} xs={12} md={6}>
                        <Statistic title={t(`figure.${k}` as MessageKey)} value={figure(k)} styles={{ content: { fontSize: 18 } }} />
                      </Col>
                    ))}
                  </Row>
                  <FiguresList figures={Object.fromEntries(Object.entries(figures).filter(([k]) => !(KEY_FIGURES as readonly string[]).includes(k)))} />
                </>
              ) : null}
              {a.differs ? <Alert type="warning" showIcon title={t('detail.differs')} /> : null}
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('indicator.stated')} style={{ height: '100%' }} data-testid="indicator-stated">
          <Flex vertical gap={12}>
            {s ? (
              <div>
                <Flex gap={8} align="center" wrap>
                  {s.classText ? <ClassTag cls={s.class} text={s.classText} /> : null}
                  {s.commitment && s.year !== null ? (
                    <Typography.Text strong>{t('scorecard.commitment', { commitment: s.commitment, year: s.year })}</Typography.Text>
                  ) : s.year !== null ? (
                    <Typography.Text strong>{t('scorecard.statedYear', { year: s.year })}</Typography.Text>
                  ) : null}
                </Flex>
                <blockquote className="ecociv-quote">{s.printed}</blockquote>
                <SourceText source={s.source} />
              </div>
            ) : (
              <Typography.Text type="secondary">{t('indicator.noStated')}</Typography.Text>
            )}
            {statedStatus ? (
              <div>
                <Typography.Text type="secondary">{t('detail.statedStatus')}</Typography.Text>
                <div>
                  {statedStatus.year !== undefined ? `${t('common.yearValue', { year: statedStatus.year })} ` : ''}
                  {isStatus(statedStatus.printed) ? <StatusTag status={statedStatus.printed} /> : statedStatus.printed}{' '}
                  <SourceText source={statedStatus.source} />
                </div>
              </div>
            ) : null}
            {stated?.score ? (
              <div>
                <Typography.Text type="secondary">{t('detail.statedScore')}</Typography.Text>
                <div>
                  {t('detail.statedScoreText', { year: stated.score.year ?? none, points: formatNumber(stated.score.points) })}{' '}
                  <SourceText source={stated.score.source} />
                </div>
              </div>
            ) : null}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
