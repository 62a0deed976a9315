// The reporting unit (department, township) whose indicators are being filled in, with how many each leads.
import { Select } from 'antd';
import type { ReportingUnit } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  units: ReportingUnit[] | undefined;
  loading: boolean;
  value: string | undefined;
  onChange: (unit: string) => void;
}

export function UnitSelect({ units, loading, value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('entry.unit')}
      data-testid="entry-unit-select"
      style={{ width: 280 }}
      placeholder={t('entry.unitPlaceholder')}
      loading={loading}
      value={units?.some((u) => u.name === value) ? value : undefined}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      options={(units ?? []).map((u) => ({ value: u.name, label: t('entry.unitOption', { name: u.name, n: u.indicators }) }))}
    />
  );
}
