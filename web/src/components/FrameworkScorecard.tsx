// One framework's scorecard: toolbar, grouped table, detail drawer, CSV export of the visible rows.
import { useMemo, useRef, useState } from 'react';
import type { FrameworkAssessment, ResultItem } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { downloadCsv } from '../lib/csv.ts';
import { formatHash } from '../lib/route.ts';
import { NO_FILTERS, csvTable, filterItems, groupRows, type Filters } from '../lib/scorecard.ts';
import { ResultDrawer } from './ResultDrawer.tsx';
import { ScorecardTable } from './ScorecardTable.tsx';
import { ScorecardToolbar } from './ScorecardToolbar.tsx';

interface Props {
  fw: FrameworkAssessment;
  planId: string;
  region: string;
  year: number;
}

export function FrameworkScorecard({ fw, planId, region, year }: Props) {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<ResultItem | undefined>();
  const [open, setOpen] = useState(false);
  const lastRow = useRef<HTMLElement | null>(null);
  const scored = fw.maxScore !== null;

  const items = useMemo(() => filterItems(fw.results, filters), [fw.results, filters]);
  const rows = useMemo(() => groupRows(items), [items]);

  const onOpen = (item: ResultItem, row: HTMLElement) => {
    lastRow.current = row;
    setSelected(item);
    setOpen(true);
  };
  const onExport = () => downloadCsv(t('scorecard.fileName', { region, year }), csvTable(items, scored, t));

  return (
    <div data-testid={`scorecard-${fw.id}`}>
      <ScorecardToolbar fw={fw} filters={filters} onChange={setFilters} shown={items.length} onExport={onExport} xlsxHref={`/api/plans/${encodeURIComponent(planId)}/scorecard.xlsx?year=${year}&lang=${lang}`} />
      <ScorecardTable rows={rows} scored={scored} onOpen={onOpen} />
      <ResultDrawer
        item={selected}
        scored={scored}
        open={open}
        onClose={() => setOpen(false)}
        afterClose={() => lastRow.current?.focus()}
        detailHref={selected ? formatHash({ page: 'indicator', plan: planId, year, framework: fw.id, number: selected.number }) : undefined}
      />
    </div>
  );
}
