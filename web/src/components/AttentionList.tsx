// "Attention first": binding (约束性) indicators not met, then other indicators not met, then those the
// engine judges difficult to meet. Statuses and classes are the API's; this only orders them. Each name
// links to the indicator's own page.
import { Tag, Typography } from 'antd';
import type { ResultItem } from '../api/types.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { formatHash } from '../lib/route.ts';
import { isBinding } from '../lib/status.ts';

type Kind = 'binding' | 'notMet' | 'difficult';
const KIND_COLOR: Record<Kind, string> = { binding: 'red', notMet: 'volcano', difficult: 'orange' };

export function attentionItems(results: ResultItem[]): { kind: Kind; item: ResultItem }[] {
  const binding = results.filter((r) => r.status === 'notMet' && isBinding(r.attribute));
  const notMet = results.filter((r) => r.status === 'notMet' && !isBinding(r.attribute));
  const difficult = results.filter((r) => r.status !== 'notMet' && r.achievability?.class === 'difficult');
  return [
    ...binding.map((item) => ({ kind: 'binding' as const, item })),
    ...notMet.map((item) => ({ kind: 'notMet' as const, item })),
    ...difficult.map((item) => ({ kind: 'difficult' as const, item })),
  ];
}

interface Props {
  results: ResultItem[];
  frameworkId: string;
  planId: string;
  year: number;
}

export function AttentionList({ results, frameworkId, planId, year }: Props) {
  const { t } = useI18n();
  const items = attentionItems(results);
  return (
    <div data-testid={`attention-${frameworkId}`}>
      <Typography.Text strong>{t('overview.attention')}</Typography.Text>
      {items.length === 0 ? (
        <div style={{ padding: '8px 0' }}>
          <Typography.Text type="secondary">{t('overview.attentionNone')}</Typography.Text>
        </div>
      ) : (
        <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map(({ kind, item }) => (
            <li key={item.number} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <div>
                <Tag color={KIND_COLOR[kind]}>{t(`overview.attention.${kind}` as MessageKey)}</Tag>
                <a
                  href={formatHash({ page: 'indicator', plan: planId, year, framework: frameworkId, number: item.number })}
                  aria-label={t('indicator.openLabel', { name: item.name })}
                  data-testid={`attention-link-${frameworkId}-${item.number}`}
                >
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {item.number}. {item.name}
                  </Typography.Text>
                </a>
                {kind === 'difficult' && item.achievability?.classText ? (
                  <Typography.Text type="secondary"> · {item.achievability.classText}</Typography.Text>
                ) : null}
              </div>
              <div style={{ marginTop: 2 }}>
                <Typography.Text>{t('overview.valueIs', { v: item.value ?? t('common.none') })}</Typography.Text>
                <Typography.Text style={{ marginInlineStart: 16 }}>
                  {t('overview.requirementIs', { v: item.requirement ?? t('common.none') })}
                </Typography.Text>
              </div>
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }}>
                {kind === 'difficult' && item.achievability?.reason ? item.achievability.reason : item.reason}
              </Typography.Paragraph>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
