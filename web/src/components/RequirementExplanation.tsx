// How the engine reads a requirement: the API's explaining sentence ("解读：…") and, folded away, the typed
// form it evaluates (结构化形式) as JSON.
import { Collapse, Typography } from 'antd';
import type { RequirementParsed } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  explained: string | null | undefined;
  parsed: RequirementParsed | null | undefined;
  testId?: string;
}

export function RequirementExplanation({ explained, parsed, testId }: Props) {
  const { t } = useI18n();
  if (!explained && !parsed) return null;
  return (
    <div data-testid={testId} style={{ marginTop: 4 }}>
      {explained ? (
        <Typography.Text type="secondary" data-testid={testId ? `${testId}-text` : undefined}>
          {t('detail.explained', { text: explained })}
        </Typography.Text>
      ) : null}
      {parsed ? (
        <Collapse
          size="small"
          ghost
          style={{ marginInlineStart: -16 }}
          items={[
            {
              key: 'parsed',
              label: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('detail.parsed')}</Typography.Text>,
              children: (
                <pre style={{ margin: 0, fontSize: 12, lineHeight: 1.5, background: '#f6f8f7', padding: '6px 10px', borderRadius: 4, overflowX: 'auto' }}>
                  {JSON.stringify(parsed, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
