// The indicator in the chosen year: the printed requirement (and how the engine reads it) and value, status with its reason, target,
// unit, attribute, lead units and where the value is printed.
import { Flex, Typography } from 'antd';
import type { ResultItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { leadText } from '../lib/scorecard.ts';
import { DetailList } from './DetailList.tsx';
import { RequirementExplanation } from './RequirementExplanation.tsx';
import { SourceText } from './SourceText.tsx';
import { StatusTag } from './StatusTag.tsx';

export function IndicatorSummary({ item }: { item: ResultItem }) {
  const { t } = useI18n();
  const none = t('common.none');
  const sep = t('list.separator');
  const parts = item.parts ?? [];
  return (
    <DetailList
      column={2}
      items={[
        {
          key: 'requirement',
          label: t('detail.requirement'),
          children: (
            <>
              <span data-testid="indicator-requirement">{item.requirement ?? none}</span>
              <RequirementExplanation explained={item.requirementExplained} parsed={item.requirementParsed} testId="indicator-requirement-explained" />
            </>
          ),
        },
        { key: 'value', label: t('detail.value'), children: <span data-testid="indicator-value">{item.value ?? none}</span> },
        {
          key: 'status',
          label: t('detail.status'),
          span: 2,
          children: (
            <Flex vertical gap={4} data-testid="indicator-status">
              <Flex gap={8} align="center" wrap>
                <StatusTag status={item.status} />
                {item.computedStatus !== item.status ? (
                  <Typography.Text type="secondary">{t('detail.computedStatus', { status: t(`status.${item.computedStatus}`) })}</Typography.Text>
                ) : null}
              </Flex>
              <Typography.Text>{item.reason}</Typography.Text>
            </Flex>
          ),
        },
        ...(parts.length
          ? parts.map((p, i) => ({
              key: `part-${i}`,
              label: p.part ?? none,
              span: 2,
              children: (
                <>
                  <Flex gap={8} align="center" wrap>
                    <StatusTag status={p.status} />
                    <Typography.Text>{t('overview.valueIs', { v: p.value ?? none })}</Typography.Text>
                    <Typography.Text>{t('overview.requirementIs', { v: p.requirement ?? none })}</Typography.Text>
                    <Typography.Text type="secondary">{p.reason}</Typography.Text>
                    <SourceText source={p.observation?.source} />
                  </Flex>
                  <RequirementExplanation explained={p.requirementExplained} parsed={p.requirementParsed} testId={`indicator-part-explained-${i}`} />
                </>
              ),
            }))
          : []),
        {
          key: 'target',
          label: t('detail.target'),
          children: item.target ? t('detail.targetText', { year: item.target.year, printed: item.target.printed }) : none,
        },
        { key: 'unit', label: t('detail.unit'), children: item.unit ?? none },
        { key: 'attribute', label: t('detail.attribute'), children: item.attribute ?? none },
        { key: 'lead', label: t('detail.leadUnits'), children: leadText(item.leadUnits, t) },
        ...(item.domain || item.task
          ? [{ key: 'domain', label: t('detail.domain'), span: 2, children: [item.domain, item.task].filter(Boolean).join(' / ') }]
          : []),
        ...(parts.length ? [] : [{
          key: 'source',
          label: t('detail.observation'),
          span: 2,
          children: item.observation?.source ? (
            <span>
              {item.observation.printed}
              {item.observation.flags.length ? ` (${item.observation.flags.join(sep)})` : ''} <SourceText source={item.observation.source} />
            </span>
          ) : (
            none
          ),
        }]),
      ]}
    />
  );
}
