// The figures behind an achievability class (current value, gaps, years …), labelled where known.
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { DetailList } from './DetailList.tsx';

export function FiguresList({ figures }: { figures: Record<string, number> }) {
  const { t, has } = useI18n();
  const entries = Object.entries(figures);
  if (entries.length === 0) return null;
  return (
    <DetailList column={2} items={entries.map(([k, v]) => {
        const key = `figure.${k}`;
        return { key: k, label: has(key) ? t(key) : k, children: typeof v === 'number' ? formatNumber(v) : String(v) };
      })}
    />
  );
}
