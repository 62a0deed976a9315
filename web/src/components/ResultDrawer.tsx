// The detail of one indicator: reason, requirement, value, confirmation, provenance, target, the
// plan's judgements and the achievability reasoning. Parts of a composite indicator follow.
import { Button, Flex, Typography } from 'antd';
import type { ResultItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { leadText, pointsText } from '../lib/scorecard.ts';
import { AchievabilityDetail } from './AchievabilityDetail.tsx';
import { ConfirmationDetail } from './ConfirmationDetail.tsx';
import { DetailDrawer } from './DetailDrawer.tsx';
import { DetailList } from './DetailList.tsx';
import { LeafDetail } from './LeafDetail.tsx';
import { ProvenanceDetail } from './ProvenanceDetail.tsx';
import { StatusTag } from './StatusTag.tsx';

interface Props {
  item: ResultItem | undefined;
  scored: boolean;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  /** the address of the indicator's own page (指标详情) */
  detailHref?: string;
}

export function ResultDrawer({ item, scored, open, onClose, afterClose, detailHref }: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  return (
    <DetailDrawer
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      size={640}
      title={item ? t('detail.title', { number: item.number, name: item.name }) : ''}
      extra={
        item && detailHref ? (
          <Button type="primary" href={detailHref} data-testid="open-indicator">
            {t('indicator.open')}
          </Button>
        ) : null
      }
      testId="result-drawer"
    >
      {item ? (
        <Flex vertical gap={16}>
          <DetailList items={[
              {
                key: 'status',
                label: t('detail.status'),
                children: (
                  <Flex gap={8} align="center" wrap>
                    <StatusTag status={item.status} />
                    {item.computedStatus !== item.status ? (
                      <Typography.Text type="secondary">
                        {t('detail.computedStatus', { status: t(`status.${item.computedStatus}`) })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                ),
              },
              { key: 'reason', label: t('detail.reason'), children: item.reason },
              { key: 'requirement', label: t('detail.requirement'), children: item.requirement ?? none },
              { key: 'value', label: t('detail.value'), children: item.value ?? none },
              { key: 'unit', label: t('detail.unit'), children: item.unit ?? none },
              ...(item.attribute ? [{ key: 'attribute', label: t('detail.attribute'), children: item.attribute }] : []),
              ...(item.domain || item.task
                ? [{ key: 'domain', label: t('detail.domain'), children: [item.domain, item.task].filter(Boolean).join(' / ') }]
                : []),
              { key: 'lead', label: t('detail.leadUnits'), children: leadText(item.leadUnits, t) },
              ...(scored ? [{ key: 'points', label: t('detail.points'), children: pointsText(item, t) }] : []),
            ]}
          />
          {item.confirmation ? <ConfirmationDetail c={item.confirmation} /> : null}
          <div>
            <Typography.Text strong>{t('detail.achievability')}</Typography.Text>
            <AchievabilityDetail a={item.achievability} />
          </div>
          {item.parts ? (
            item.parts.map((p, i) => <LeafDetail key={i} leaf={p} scored={scored} />)
          ) : (
            <ProvenanceDetail observation={item.observation} target={item.target} stated={item.stated} />
          )}
        </Flex>
      ) : null}
    </DetailDrawer>
  );
}
