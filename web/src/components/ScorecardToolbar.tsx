// Filters over the scorecard (name search, status, lead unit, attribute) and the export buttons:
// the filtered rows as CSV, and the whole table as the server's Excel workbook.
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { FrameworkAssessment, Status } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { distinct, type Filters } from '../lib/scorecard.ts';
import { STATUSES } from '../lib/status.ts';

interface Props {
  fw: FrameworkAssessment;
  filters: Filters;
  onChange: (f: Filters) => void;
  shown: number;
  onExport: () => void;
  /** the server's workbook of every framework (GET /api/plans/{id}/scorecard.xlsx) */
  xlsxHref: string;
}

export function ScorecardToolbar({ fw, filters, onChange, shown, onExport, xlsxHref }: Props) {
  const { t } = useI18n();
  const leads = distinct(fw.results.flatMap((r) => r.leadUnits));
  const attributes = distinct(fw.results.map((r) => r.attribute));
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        aria-label={t('scorecard.search')}
        placeholder={t('scorecard.search')}
        style={{ width: 220 }}
        value={filters.search}
        onChange={(e) => onChange({ ...filters, search: e.target.value })}
        data-testid={`search-${fw.id}`}
      />
      <Select<Status[]>
        mode="multiple"
        allowClear
        aria-label={t('scorecard.filterStatus')}
        placeholder={t('scorecard.filterStatus')}
        style={{ minWidth: 180 }}
        maxTagCount="responsive"
        value={filters.statuses}
        onChange={(statuses) => onChange({ ...filters, statuses })}
        options={STATUSES.map((s) => ({ value: s, label: `${t(`status.${s}`)} (${fw[s]})` }))}
      />
      {leads.length > 0 ? (
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('scorecard.filterLead')}
          placeholder={t('scorecard.filterLead')}
          style={{ width: 180 }}
          value={filters.lead}
          onChange={(lead) => onChange({ ...filters, lead })}
          options={leads.map((l) => ({ value: l, label: l }))}
        />
      ) : null}
      {attributes.length > 0 ? (
        <Select<string>
          allowClear
          aria-label={t('scorecard.filterAttribute')}
          placeholder={t('scorecard.filterAttribute')}
          style={{ width: 120 }}
          value={filters.attribute}
          onChange={(attribute) => onChange({ ...filters, attribute })}
          options={attributes.map((a) => ({ value: a, label: a }))}
        />
      ) : null}
      <Typography.Text type="secondary" aria-live="polite">
        {t('scorecard.shown', { shown, total: fw.results.length })}
      </Typography.Text>
      <div style={{ flex: 1 }} />
      <Button onClick={onExport} disabled={shown === 0} data-testid={`export-${fw.id}`}>
        {t('scorecard.export')}
      </Button>
      <Button type="primary" href={xlsxHref} data-testid={`export-xlsx-${fw.id}`}>
        {t('scorecard.exportXlsx')}
      </Button>
    </Flex>
  );
}
