// The plan selector in the header.
import { Select } from 'antd';
import type { PlanSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  plans: PlanSummary[] | undefined;
  value: string | undefined;
  loading: boolean;
  onChange: (id: string) => void;
}

export function PlanSelect({ plans, value, loading, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('header.plan')}
      data-testid="plan-select"
      style={{ width: 'min(460px, 36vw)' }}
      placeholder={t('header.planPlaceholder')}
      loading={loading}
      value={plans?.some((p) => p.id === value) ? value : undefined}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={(plans ?? []).map((p) => ({ value: p.id, label: `${p.region} · ${p.title}`, title: p.title }))}
    />
  );
}
