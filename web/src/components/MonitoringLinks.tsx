// 指标关联: which statistic of which stations feeds which of the plan's indicators. Everyone who may see the page
// sees the links; the plan office adds, edits and removes them (the server checks the role, that each station is
// of the region and of the kind the statistic takes, and says so in Chinese) and recomputes the figures.
import { Alert, Button, Flex, Form, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { ComputeResult, LinkableIndicator, MonitoringLink, MonitoringLinks as Links, StationKind, StationState, StatisticIdName } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { indicatorKey, indicatorLabel, kindOfStatistic, STATISTIC_IDS } from '../lib/monitoring.ts';
import { FormModal } from './FormModal.tsx';

interface Props {
  plan: string;
  links: Links;
  stations: StationState[];
  /** the plan office: may change links and recompute */
  office: boolean;
  /** after a link changed or figures were recomputed */
  onChanged: () => void;
}

interface Editing {
  indicator: string;
  statistic: StatisticIdName | '';
  stations: string[];
}

export function MonitoringLinks({ plan, links, stations, office, onChanged }: Props) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [editing, setEditing] = useState<(Editing & { existing: boolean }) | null>(null);
  const [result, setResult] = useState<ComputeResult | null>(null);
  const byKey = useMemo(() => new Map(links.indicators.map((i) => [indicatorKey(i), i])), [links.indicators]);
  const stationName = useMemo(() => new Map(stations.map((s) => [s.code, s.name])), [stations]);
  const kinds = useMemo(() => new Set<StationKind>(stations.map((s) => s.kind)), [stations]);
  const statName = (id: StatisticIdName) => t(`monitoring.statistic.${id}`);

  const remove = async (l: MonitoringLink) => {
    const r = await action.run(() => sendJson('DELETE', api.monitoringLinks(plan), { framework: l.framework, number: l.number, part: l.part }), t('monitoring.links.removed'));
    if (r !== undefined) onChanged();
  };
  const recompute = async () => {
    const r = await action.run(() => sendJson<ComputeResult>('POST', api.monitoringCompute(plan), {}));
    if (r === undefined) return;
    setResult(r);
    onChanged();
  };

  const columns = [
    {
      title: t('monitoring.links.indicator'),
      key: 'indicator',
      render: (_: unknown, l: MonitoringLink) => {
        const i = byKey.get(indicatorKey(l));
        return i ? indicatorLabel(i) : `${l.number} ${l.name}`;
      },
    },
    { title: t('monitoring.links.statistic'), key: 'statistic', width: 260, render: (_: unknown, l: MonitoringLink) => statName(l.statistic) },
    {
      title: t('monitoring.links.stations'),
      key: 'stations',
      render: (_: unknown, l: MonitoringLink) => (
        <Flex gap={4} wrap="wrap">
          {l.stations.map((s) => (
            <Tag key={s.code} style={{ marginInlineEnd: 0 }}>
              {s.name}
            </Tag>
          ))}
        </Flex>
      ),
    },
    ...(office
      ? [
          {
            title: t('monitoring.col.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, l: MonitoringLink) => (
              <Flex gap={4}>
                <Button size="small" onClick={() => setEditing({ indicator: indicatorKey(l), statistic: l.statistic, stations: l.stations.map((s) => s.code), existing: true })} data-testid="link-edit">
                  {t('monitoring.edit')}
                </Button>
                <Popconfirm title={t('monitoring.links.removeConfirm')} okText={t('monitoring.links.remove')} cancelText={t('common.cancel')} onConfirm={() => void remove(l)}>
                  <Button size="small" danger data-testid="link-remove">
                    {t('monitoring.links.remove')}
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="monitoring-links">
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
        {t(office ? 'monitoring.links.hintOffice' : 'monitoring.links.hint')}
      </Typography.Paragraph>
      {office ? (
        <Flex gap={8} wrap="wrap">
          <Button onClick={() => setEditing({ indicator: '', statistic: '', stations: [], existing: false })} data-testid="link-add" disabled={stations.length === 0}>
            {t('monitoring.links.add')}
          </Button>
          <Button type="primary" onClick={() => void recompute()} loading={action.busy} disabled={links.links.length === 0} data-testid="link-recompute">
            {t('monitoring.links.recompute')}
          </Button>
        </Flex>
      ) : null}
      {result ? (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="recompute-result"
          title={result.computed === 0 ? t('monitoring.links.computedNone') : t('monitoring.links.computed', { n: result.computed })}
          description={
            result.noData + result.keptBeside > 0
              ? [result.noData > 0 ? t('monitoring.links.computedNoData', { n: result.noData }) : '', result.keptBeside > 0 ? t('monitoring.links.computedKept', { n: result.keptBeside }) : ''].filter(Boolean).join(lang === 'en' ? ' ' : '')
              : undefined
          }
        />
      ) : null}
      <Table<MonitoringLink>
        size="small"
        rowKey={(l) => indicatorKey(l)}
        dataSource={links.links}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('monitoring.links.none') }}
      />
      {editing ? (
        <LinkForm
          plan={plan}
          initial={editing}
          existing={editing.existing}
          indicators={links.indicators}
          taken={new Set(links.links.map(indicatorKey))}
          stations={stations}
          kinds={kinds}
          stationName={stationName}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </Flex>
  );
}

interface FormProps {
  plan: string;
  initial: Editing;
  existing: boolean;
  indicators: LinkableIndicator[];
  /** indicators linked already (a new link to one of them replaces it: said beside the select) */
  taken: Set<string>;
  stations: StationState[];
  kinds: Set<StationKind>;
  stationName: Map<string, string>;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit a link: the indicator, the statistic (of the kinds of station the region has), the stations of that kind. */
function LinkForm({ plan, initial, existing, indicators, taken, stations, kinds, onClose, onSaved }: FormProps) {
  const { t } = useI18n();
  const action = useAction();
  const [v, setV] = useState<Editing>(initial);
  const [missing, setMissing] = useState<Array<keyof Editing>>([]);
  const kind = v.statistic ? kindOfStatistic(v.statistic) : null;
  const ofKind = stations.filter((s) => s.kind === kind);
  const indicatorOptions = useMemo(() => {
    const groups = new Map<string, Array<{ value: string; label: string }>>();
    for (const i of indicators) {
      const list = groups.get(i.frameworkName) ?? [];
      list.push({ value: indicatorKey(i), label: indicatorLabel(i) });
      groups.set(i.frameworkName, list);
    }
    return [...groups].map(([label, options]) => ({ label, title: label, options }));
  }, [indicators]);
  const statisticOptions = STATISTIC_IDS.filter((id) => kinds.has(kindOfStatistic(id))).map((id) => ({ value: id, label: `${t(`monitoring.statistic.${id}`)}（${t(`monitoring.kind.${kindOfStatistic(id)}`)}）` }));

  const save = async () => {
    const lacking = (['indicator', 'statistic', 'stations'] as const).filter((f) => (f === 'stations' ? v.stations.length === 0 : v[f] === ''));
    setMissing(lacking);
    if (lacking.length > 0) return;
    const i = indicators.find((x) => indicatorKey(x) === v.indicator)!;
    const r = await action.run(() => sendJson('PUT', api.monitoringLinks(plan), { framework: i.framework, number: i.number, part: i.part, statistic: v.statistic, stations: v.stations }), t('monitoring.links.saved'));
    if (r !== undefined) onSaved();
  };
  const need = (f: keyof Editing) => (missing.includes(f) ? { validateStatus: 'error' as const, help: t(`monitoring.links.need.${f}`) } : {});

  return (
    <FormModal open title={t(existing ? 'monitoring.links.editTitle' : 'monitoring.links.addTitle')} busy={action.busy} onSave={() => void save()} onCancel={onClose} saveTestId="link-save">
      <Form layout="vertical" component="div">
        <Form.Item label={t('monitoring.links.indicator')} {...need('indicator')} extra={!existing && taken.has(v.indicator) ? t('monitoring.links.replaces') : undefined}>
          <Select<string>
            aria-label={t('monitoring.links.indicator')}
            showSearch={{ optionFilterProp: 'label' }}
            value={v.indicator || undefined}
            placeholder={t('monitoring.links.pickIndicator')}
            options={indicatorOptions}
            disabled={existing}
            onChange={(x) => setV((o) => ({ ...o, indicator: x }))}
            data-testid="link-indicator"
          />
        </Form.Item>
        <Form.Item label={t('monitoring.links.statistic')} {...need('statistic')}>
          <Select<string>
            aria-label={t('monitoring.links.statistic')}
            showSearch={{ optionFilterProp: 'label' }}
            value={v.statistic || undefined}
            placeholder={t('monitoring.links.pickStatistic')}
            options={statisticOptions}
            onChange={(x) =>
              setV((o) => {
                const k = kindOfStatistic(x as StatisticIdName);
                // the stations chosen stay only where they are of the kind the new statistic takes
                return { ...o, statistic: x as StatisticIdName, stations: o.stations.filter((c) => stations.find((s) => s.code === c)?.kind === k) };
              })
            }
            data-testid="link-statistic"
          />
        </Form.Item>
        <Form.Item label={t('monitoring.links.stations')} {...need('stations')} extra={kind ? t('monitoring.links.stationsHint', { kind: t(`monitoring.kind.${kind}`), n: ofKind.length }) : t('monitoring.links.stationsFirst')}>
          <Select<string[]>
            mode="multiple"
            aria-label={t('monitoring.links.stations')}
            value={v.stations}
            disabled={!kind}
            placeholder={t('monitoring.links.pickStations')}
            options={ofKind.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` }))}
            optionFilterProp="label"
            onChange={(x) => setV((o) => ({ ...o, stations: x }))}
            data-testid="link-stations"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
