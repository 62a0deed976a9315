// 监测数据: the region's stations on a list and a map with their latest state; the AQI calendar of the region
// (or of the station chosen in the list); pollutant trends; water class by month per section; exceedances;
// the figures computed from the data with their grounds; the links from statistics to indicators (指标关联).
// The plan office adds and edits stations, links indicators and recomputes here.
import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, forgetCachedUnder } from '../api/client.ts';
import type { ComputedFigure, Exceedances, MonitoringDays, MonitoringLinks as Links, PlanSummary, StationState, Trends, WaterMonths } from '../api/types.ts';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { MonitoringAlarms } from '../components/MonitoringAlarms.tsx';
import { MonitoringCalendar } from '../components/MonitoringCalendar.tsx';
import { MonitoringExceedances } from '../components/MonitoringExceedances.tsx';
import { MonitoringFigures } from '../components/MonitoringFigures.tsx';
import { MonitoringImport } from '../components/MonitoringImport.tsx';
import { MonitoringLinks } from '../components/MonitoringLinks.tsx';
import { MonitoringMap } from '../components/MonitoringMap.tsx';
import { MonitoringStationForm } from '../components/MonitoringStationForm.tsx';
import { MonitoringStations } from '../components/MonitoringStations.tsx';
import { MonitoringTrends } from '../components/MonitoringTrends.tsx';
import { MonitoringWater } from '../components/MonitoringWater.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { useSession } from '../components/SignInGate.tsx';
import { useApi, type ApiState } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

const OFFICE = new Set(['admin', 'planOffice']);

/** A card's body by the state of what it shows. */
function Loaded<T>({ q, height, children }: { q: ApiState<T>; height: number; children: (data: T) => ReactNode }) {
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  if (!q.data) return <Loading height={height} />;
  return <>{children(q.data)}</>;
}

export default function MonitoringPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t } = useI18n();
  const session = useSession();
  const office = session?.user.roles.some((g) => OFFICE.has(g.role)) ?? false;
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState<StationState | null | 'new'>(null);
  const stations = useApi<StationState[]>(api.monitoringStations(plan.id));
  const calendar = useApi<MonitoringDays>(selected === null ? api.monitoringCalendar(plan.id, year) : api.monitoringStationDays(plan.id, selected, year));
  const trends = useApi<Trends>(api.monitoringTrends(plan.id, year, selected ?? undefined));
  const water = useApi<WaterMonths>(api.monitoringWater(plan.id, year));
  const exceed = useApi<Exceedances>(api.monitoringExceedances(plan.id, year));
  const figures = useApi<ComputedFigure[]>(api.monitoringFigures(plan.id));
  const links = useApi<Links>(api.monitoringLinks(plan.id));
  const station = stations.data?.find((s) => s.id === selected);

  const onSaved = () => {
    forgetCachedUnder(`${api.planPrefix(plan.id)}monitoring/`);
    stations.refresh();
    water.refresh();
    exceed.refresh();
    calendar.refresh();
  };
  // a link changed or figures recomputed: the plan's figures (scorecard, review) changed too
  const onFiguresChanged = () => {
    forgetCachedUnder(api.planPrefix(plan.id));
    links.refresh();
    figures.refresh();
  };
  // a file landed: stations, data and the figures recomputed from them
  const onImported = () => {
    onFiguresChanged();
    stations.refresh();
    water.refresh();
    exceed.refresh();
    calendar.refresh();
    trends.refresh();
  };

  return (
    <Flex vertical gap={16} data-testid="monitoring-page">
      <PageHeading
        title={t('monitoring.heading', { region: plan.region, year })}
        subtitle={plan.title}
        extra={
          office ? (
            <Button type="primary" onClick={() => setEditing('new')} data-testid="station-add">
              {t('monitoring.add')}
            </Button>
          ) : undefined
        }
      />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('monitoring.intro')}
      </Typography.Paragraph>
      {office ? (
        <Card title={t('monitoring.import')}>
          <MonitoringImport plan={plan.id} onImported={onImported} />
        </Card>
      ) : null}
      <Card title={t('monitoring.alarms')} data-testid="monitoring-alarms">
        <MonitoringAlarms plan={plan.id} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t('monitoring.stations', { n: stations.data?.length ?? 0 })} styles={{ body: { padding: 12 } }}>
            <Loaded q={stations} height={300}>
              {(list) =>
                list.length === 0 ? (
                  <Typography.Text type="secondary">{t('monitoring.noStations')}</Typography.Text>
                ) : (
                  <MonitoringStations stations={list} selected={selected} onSelect={setSelected} {...(office ? { onEdit: (s: StationState) => setEditing(s) } : {})} />
                )
              }
            </Loaded>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('monitoring.map')} styles={{ body: { padding: 12 } }}>
            <Loaded q={stations} height={300}>
              {(list) => <MonitoringMap stations={list} />}
            </Loaded>
          </Card>
        </Col>
      </Row>
      <Card
        title={station ? t('monitoring.calendarStation', { name: station.name }) : t('monitoring.calendarRegion', { region: plan.region })}
        extra={
          selected !== null ? (
            <Button size="small" onClick={() => setSelected(null)} data-testid="calendar-region">
              {t('monitoring.viewRegion')}
            </Button>
          ) : null
        }
      >
        {selected === null ? (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('monitoring.calendarRegionHint')}
          </Typography.Paragraph>
        ) : null}
        <Loaded q={calendar} height={240}>
          {(d) => <MonitoringCalendar data={d} testId="monitoring-calendar" />}
        </Loaded>
      </Card>
      <Card title={t('monitoring.trends', { scope: station ? station.name : t('monitoring.trendsRegion') })}>
        <Loaded q={trends} height={280}>
          {(d) => <MonitoringTrends data={d} />}
        </Loaded>
      </Card>
      <Card title={t('monitoring.water')}>
        <Loaded q={water} height={200}>
          {(d) => <MonitoringWater data={d} />}
        </Loaded>
      </Card>
      <Card title={t('monitoring.exceed')}>
        <Loaded q={exceed} height={200}>
          {(d) => <MonitoringExceedances data={d} />}
        </Loaded>
      </Card>
      <Card title={t('monitoring.links')}>
        <Loaded q={links} height={120}>
          {(d) => <MonitoringLinks plan={plan.id} links={d} stations={stations.data ?? []} office={office} onChanged={onFiguresChanged} />}
        </Loaded>
      </Card>
      <Card title={t('monitoring.figures')}>
        <Loaded q={figures} height={120}>
          {(d) => <MonitoringFigures figures={d} />}
        </Loaded>
      </Card>
      {editing !== null ? <MonitoringStationForm plan={plan.id} station={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={onSaved} /> : null}
    </Flex>
  );
}
