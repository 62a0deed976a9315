// The figures behind an achievability class (current value, gaps, years …), labelled where known.
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { zhCN } from '../i18n/zh-CN.ts';
import { formatNumber } from '../lib/format.ts';
import { DetailList } from './DetailList.tsx';

function labelKey(name: string): MessageKey | undefined {
  const key = `figure.${name}`;
  return key in zhCN ? (key as MessageKey) : undefined;
}

export function FiguresList({ figures }: { figures: Record<string, number> }) {
  const { t } = useI18n();
  const entries = Object.entries(figures);
  if (entries.length === 0) return null;
  return (
    <DetailList column={2} items={entries.map(([k, v]) => {
        const key = labelKey(k);
        return { key: k, label: key ? t(key) : k, children: typeof v === 'number' ? formatNumber(v) : String(v) };
      })}
    />
  );
}
