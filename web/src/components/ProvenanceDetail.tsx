// Where a value comes from: the printed observation (year, flags, footnote, correction, line), the
// target, and the plan's own judgements of status, points and achievability.
import { Flex, Tag, Typography } from 'antd';
import type { Observation, StatedJudgements } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { DetailList } from './DetailList.tsx';
import { SourceText } from './SourceText.tsx';

interface Props {
  observation: Observation | null | undefined;
  target: { year: number; printed: string } | null | undefined;
  stated: StatedJudgements | undefined;
}

export function ProvenanceDetail({ observation: o, target, stated }: Props) {
  const { t } = useI18n();
  const statedItems = [
    ...(stated?.status
      ? [
          {
            key: 'status',
            label: t('detail.statedStatus'),
            children: (
              <div>
                {stated.status.year !== undefined ? `${t('common.yearValue', { year: stated.status.year })} ` : ''}
                {stated.status.printed} <SourceText source={stated.status.source} />
              </div>
            ),
          },
        ]
      : []),
    ...(stated?.score
      ? [
          {
            key: 'score',
            label: t('detail.statedScore'),
            children: (
              <div>
                {t('detail.statedScoreText', { year: stated.score.year ?? t('common.none'), points: formatNumber(stated.score.points) })}{' '}
                <SourceText source={stated.score.source} />
              </div>
            ),
          },
        ]
      : []),
    ...(stated?.achievability
      ? [
          {
            key: 'achievability',
            label: t('detail.statedAchievability'),
            children: (
              <div>
                {stated.achievability.class ? <Tag>{stated.achievability.class}</Tag> : null}
                {stated.achievability.year !== undefined ? t('common.yearValue', { year: stated.achievability.year }) : null}
                <blockquote className="ecociv-quote">{stated.achievability.printed}</blockquote>
                <SourceText source={stated.achievability.source} />
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <div>
        <Typography.Text strong>{t('detail.observation')}</Typography.Text>
        {o ? (
          <DetailList items={[
              { key: 'printed', label: t('detail.obsPrinted'), children: o.printed },
              { key: 'year', label: t('detail.obsYear'), children: t('common.yearValue', { year: o.year }) },
              ...(o.dataYear !== null ? [{ key: 'dataYear', label: t('detail.obsDataYear'), children: t('common.yearValue', { year: o.dataYear }) }] : []),
              ...(o.flags.length
                ? [{ key: 'flags', label: t('detail.flags'), children: o.flags.map((f) => <Tag key={f} color="gold">{f}</Tag>) }]
                : []),
              ...(o.footnote
                ? [
                    {
                      key: 'footnote',
                      label: t('detail.footnote'),
                      children: (
                        <div>
                          {o.footnote.mark} {o.footnote.printed} <SourceText source={o.footnote.source} />
                        </div>
                      ),
                    },
                  ]
                : []),
              ...(o.correction
                ? [
                    {
                      key: 'correction',
                      label: t('detail.correction'),
                      children: (
                        <div>
                          <div>{t('detail.correctionPrinted', { v: o.correction.printed })}</div>
                          <div>{t('detail.correctionReason', { v: o.correction.reason })}</div>
                          <SourceText source={o.correction.source} />
                        </div>
                      ),
                    },
                  ]
                : []),
              { key: 'source', label: t('detail.source'), children: o.source ? <SourceText source={o.source} /> : t('common.none') },
            ]}
          />
        ) : (
          <div>
            <Typography.Text type="secondary">{t('detail.noObservation')}</Typography.Text>
          </div>
        )}
      </div>
      {target ? (
        <div>
          <Typography.Text strong>{t('detail.target')}</Typography.Text>
          <div>{t('detail.targetText', { year: target.year, printed: target.printed })}</div>
        </div>
      ) : null}
      {statedItems.length ? (
        <div>
          <Typography.Text strong>{t('detail.stated')}</Typography.Text>
          <DetailList items={statedItems} />
        </div>
      ) : null}
    </Flex>
  );
}
