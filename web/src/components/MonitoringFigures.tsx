// The figures computed from monitoring data for the plan's indicators, each with its grounds in words: the
// stations counted and those not counted with why, the valid days, the edition that computed which days, the
// files the data came from and when it was computed. Where a person's figure is kept, both are shown and the
// difference between them.
import { Card, Flex, Tag, Typography } from 'antd';
import type { ComputedFigure, FigureProvenance } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { leadingNumber } from '../lib/monitoring.ts';

/** An ISO instant as Beijing time, YYYY-MM-DD HH:MM (the plan offices' clock). */
const beijingTime = (iso: string): string => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
};

/**
 * A computed figure's grounds in words (no JSON): the stations counted (with their valid days) and those not
 * counted with why, why there is no value, the valid days, the edition that computed which days, the files and
 * when it was computed. Also shown on the review page (监测数据计算).
 */
export function ProvenanceText({ provenance: p, testId }: { provenance: FigureProvenance; testId?: string }) {
  const { t, lang } = useI18n();
  const counted = p.stations.filter((s) => s.counted);
  const notCounted = p.stations.filter((s) => !s.counted);
  const lines: string[] = [];
  if (counted.length > 0) lines.push(t('monitoring.figure.counted', { list: counted.map((s) => t('monitoring.figure.station', { name: s.name, days: s.validDays })).join('、') }));
  if (notCounted.length > 0)
    lines.push(
      t('monitoring.figure.notCounted', {
        list: notCounted.map((s) => (s.reason ? t('monitoring.figure.stationWhy', { name: s.name, why: t(`monitoring.reason.${s.reason}`) }) : s.name)).join('、'),
      }),
    );
  if (p.insufficient) lines.push(t('monitoring.figure.insufficient', { why: t(`monitoring.insufficient.${p.insufficient}`) }));
  if (p.validDays !== null) lines.push(t('monitoring.figure.validDays', { n: p.validDays }));
  for (const e of p.editions) lines.push(t('monitoring.figure.edition', { edition: e.edition, from: e.from, to: e.to, days: e.days }));
  if (p.imports.length > 0) lines.push(t('monitoring.figure.imports', { list: p.imports.map((i) => i.fileName).join('、') }));
  lines.push(t('monitoring.figure.computedAt', { at: beijingTime(p.computedAt) }));
  return (
    <Typography.Paragraph style={{ margin: 0 }} type="secondary" data-testid={testId}>
      {lines.join(lang === 'en' ? ' ' : '')}
    </Typography.Paragraph>
  );
}

function Difference({ f }: { f: ComputedFigure }) {
  const { t } = useI18n();
  if (!f.entered) return null;
  const a = f.value === null ? null : leadingNumber(f.printed);
  const b = leadingNumber(f.entered.printed);
  let verdict: string;
  if (a === null || b === null) verdict = t('monitoring.figure.incomparable');
  else if (Math.abs(a - b) < 1e-9) verdict = t('monitoring.figure.same');
  else {
    // a share's difference is in percentage points (个百分点), as the plans print it
    const share = f.unit === '%' || f.printed.includes('%');
    const d = Math.round((a - b) * 1000) / 1000;
    const signed = `${d > 0 ? '+' : ''}${d}`;
    verdict = t('monitoring.figure.difference', { diff: share ? t('monitoring.figure.points', { d: signed }) : `${signed}${f.unit && f.unit !== '-' ? ` ${f.unit}` : ''}` });
  }
  return (
    <Typography.Paragraph style={{ margin: 0 }} data-testid="figure-difference">
      {t('monitoring.figure.entered', { printed: f.entered.printed, origin: t(`monitoring.origin.${f.entered.origin}`) })} {verdict}
    </Typography.Paragraph>
  );
}

export function MonitoringFigures({ figures }: { figures: ComputedFigure[] }) {
  const { t } = useI18n();
  if (figures.length === 0) return <Typography.Text type="secondary">{t('monitoring.figuresNone')}</Typography.Text>;
  return (
    <Flex vertical gap={12} data-testid="monitoring-figures">
      {figures.map((f) => (
        <Card key={`${f.year}|${f.framework}|${f.number}|${f.part ?? ''}`} size="small" title={t('monitoring.figure.title', { year: f.year, name: f.part ? `${f.name}（${f.part}）` : f.name })} extra={<Tag>{f.number}</Tag>}>
          <Flex vertical gap={6}>
            <Typography.Text>
              {t('monitoring.figure.computed')}
              <Typography.Text strong>{f.value === null ? t('monitoring.noData') : f.printed}</Typography.Text>
            </Typography.Text>
            <Difference f={f} />
            <ProvenanceText provenance={{ ...f.provenance, computedAt: f.computedAt }} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
