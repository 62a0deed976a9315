// 考核权重: the points each part carries (out of their sum), saved as the plan's setting.
import { Button, Flex, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { AssessmentPart, Weights } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { ASSESSMENT_PARTS } from '../lib/tracking.ts';

export function WeightsForm({ plan, weights, onSaved }: { plan: string; weights: Weights; onSaved: () => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Weights>(weights);
  const action = useAction();
  const sum = ASSESSMENT_PARTS.reduce((s, p) => s + (values[p] ?? 0), 0);
  const dirty = ASSESSMENT_PARTS.some((p) => values[p] !== weights[p]);
  const save = async () => {
    if ((await action.run(() => sendJson('PUT', api.settings(plan), { weights: values }), t('departments.weightsSaved'))) !== undefined) onSaved();
  };
  const set = (p: AssessmentPart) => (v: number | null) => setValues((prev) => ({ ...prev, [p]: v ?? 0 }));
  return (
    <Form layout="vertical" component="form" onFinish={() => void save()} data-testid="weights-form">
      <Flex wrap gap={16} align="flex-end">
        {ASSESSMENT_PARTS.map((p) => (
          <Form.Item key={p} label={t(`part.${p}`)} style={{ marginBottom: 0 }}>
            <InputNumber aria-label={t(`part.${p}`)} min={0} max={1000} step={5} value={values[p]} onChange={set(p)} style={{ width: 110 }} data-testid={`weight-${p}`} />
          </Form.Item>
        ))}
        <Typography.Text type="secondary" style={{ paddingBottom: 5 }}>
          {t('departments.weightsSum', { n: formatNumber(sum) })}
        </Typography.Text>
        <Button type="primary" htmlType="submit" disabled={!dirty || sum <= 0} loading={action.busy} data-testid="weights-save">
          {t('departments.saveWeights')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('departments.weightsHint')}
      </Typography.Paragraph>
    </Form>
  );
}
