// The year selector: the plan's base year, target years and the years in between.
import { Select } from 'antd';
import type { PlanSummary } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { planYears } from '../lib/years.ts';

interface Props {
  plan: PlanSummary | undefined;
  value: number | undefined;
  onChange: (year: number) => void;
}

export function YearSelect({ plan, value, onChange }: Props) {
  const { t } = useI18n();
  const years = plan ? planYears(plan) : [];
  if (value !== undefined && !years.includes(value)) years.push(value);
  years.sort((a, b) => a - b);
  const label = (y: number) =>
    plan?.baseYear === y
      ? t('header.yearBase', { year: y })
      : plan?.targetYears.includes(y)
        ? t('header.yearTarget', { year: y })
        : t('header.yearOption', { year: y });
  return (
    <Select
      aria-label={t('header.year')}
      data-testid="year-select"
      style={{ width: 168 }}
      placeholder={t('header.yearPlaceholder')}
      disabled={!plan}
      value={value}
      onChange={onChange}
      options={years.map((y) => ({ value: y, label: label(y) }))}
    />
  );
}
