// One part of a composite indicator in the detail drawer: its own status, figures and provenance.
import { Divider, Flex } from 'antd';
import type { Leaf } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { pointsText } from '../lib/scorecard.ts';
import { AchievabilityDetail } from './AchievabilityDetail.tsx';
import { DetailList } from './DetailList.tsx';
import { ProvenanceDetail } from './ProvenanceDetail.tsx';
import { StatusTag } from './StatusTag.tsx';

export function LeafDetail({ leaf, scored }: { leaf: Leaf; scored: boolean }) {
  const { t } = useI18n();
  return (
    <div>
      <Divider titlePlacement="start" style={{ marginBlock: 12 }}>
        {t('detail.part', { part: leaf.part ?? t('common.none') })}
      </Divider>
      <Flex vertical gap={12}>
        <DetailList items={[
            { key: 'status', label: t('detail.status'), children: <StatusTag status={leaf.status} /> },
            { key: 'reason', label: t('detail.reason'), children: leaf.reason },
            { key: 'requirement', label: t('detail.requirement'), children: leaf.requirement ?? t('common.none') },
            { key: 'value', label: t('detail.value'), children: leaf.value ?? t('common.none') },
            ...(scored ? [{ key: 'points', label: t('detail.points'), children: pointsText(leaf, t) }] : []),
          ]}
        />
        <ProvenanceDetail observation={leaf.observation} target={leaf.target} stated={leaf.stated} />
        <AchievabilityDetail a={leaf.achievability} />
      </Flex>
    </div>
  );
}
