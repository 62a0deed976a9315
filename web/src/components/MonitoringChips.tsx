// Small coloured marks of the 监测数据 page: an AQI category, a water class, and 无数据 in its own grey.
import type { ReactNode } from 'react';
import type { WaterClassName } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AQI_COLORS, AQI_TEXT, asLevel, NO_DATA_COLOR, WATER_COLORS, WATER_TEXT } from '../lib/monitoring.ts';

function Chip({ bg, fg, children, testId }: { bg: string; fg: string; children: ReactNode; testId?: string }) {
  return (
    <span data-testid={testId} style={{ display: 'inline-block', padding: '0 6px', borderRadius: 4, background: bg, color: fg, fontSize: 12, lineHeight: '20px', whiteSpace: 'nowrap', border: '1px solid rgba(0,0,0,0.15)' }}>
      {children}
    </span>
  );
}

export function NoDataChip() {
  const { t } = useI18n();
  return (
    <Chip bg={NO_DATA_COLOR} fg="#434343" testId="no-data">
      {t('monitoring.noData')}
    </Chip>
  );
}

/** AQI and its category; 无数据 when the level is unknown. */
export function AqiChip({ aqi, level }: { aqi: number | null; level: number | null }) {
  const { t } = useI18n();
  const l = asLevel(level);
  if (!l || aqi === null) return <NoDataChip />;
  return (
    <Chip bg={AQI_COLORS[l]} fg={AQI_TEXT[l]}>
      {aqi} {t(`monitoring.category.${l}`)}
    </Chip>
  );
}

/** A water class (Ⅰ…劣Ⅴ); 无数据 when null. */
export function WaterChip({ cls }: { cls: WaterClassName | null }) {
  if (!cls) return <NoDataChip />;
  return (
    <Chip bg={WATER_COLORS[cls]} fg={WATER_TEXT[cls]}>
      {cls}
    </Chip>
  );
}
