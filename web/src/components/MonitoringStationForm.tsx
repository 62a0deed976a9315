// 新增 / 编辑监测站点 (plan office): kind, code, name, level, waterbody and target class, township, coordinates and
// the dates it counts. The server checks every value (code unique in the region, coordinates in range, target
// Ⅰ–Ⅴ) and names each problem beside its field.
import { Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { StationBody, StationState } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemsByField } from '../lib/tracking.ts';
import { BatchProblems } from './BatchProblems.tsx';
import { fieldHelp } from './fieldHelp.tsx';
import { FormModal } from './FormModal.tsx';

interface Props {
  plan: string;
  /** the station edited; null to add one */
  station: StationState | null;
  onClose: () => void;
  onSaved: () => void;
}

const FIELDS = ['kind', 'code', 'name', 'level', 'waterbody', 'waterName', 'targetClass', 'township', 'longitude', 'latitude', 'countsFrom', 'countsTo'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const initial = (s: StationState | null): Values => ({
  kind: s?.kind ?? 'air',
  code: s?.code ?? '',
  name: s?.name ?? '',
  level: s?.level ?? '',
  waterbody: s?.waterbody ?? '',
  waterName: s?.waterName ?? '',
  targetClass: s?.targetClass ?? '',
  township: s?.township ?? '',
  longitude: s?.longitude === null || s?.longitude === undefined ? '' : String(s.longitude),
  latitude: s?.latitude === null || s?.latitude === undefined ? '' : String(s.latitude),
  countsFrom: s?.countsFrom ?? '',
  countsTo: s?.countsTo ?? '',
});

export function MonitoringStationForm({ plan, station, onClose, onSaved }: Props) {
  const { t } = useI18n();
  const [v, setV] = useState<Values>(() => initial(station));
  const action = useAction();
  // the server names fields by their Chinese labels (the same words as the form's)
  const labelOf = (f: Field) => t(`monitoring.field.${f}`);
  const byLabel = problemsByField(action.problems);
  const known = new Set(FIELDS.map(labelOf) as string[]);
  const others = action.problems.filter((p) => !known.has(p.field));
  const help = (f: Field) => ({ ...fieldHelp(byLabel, labelOf(f), 'station'), style: { marginBottom: 12 } });
  const set = (f: Field) => (x: string) => setV((old) => ({ ...old, [f]: x }));
  const water = v.kind !== 'air';

  const save = async () => {
    const orNull = (x: string) => (x.trim() === '' ? null : x.trim());
    const body: StationBody = {
      kind: v.kind as StationBody['kind'],
      code: v.code.trim(),
      name: v.name.trim(),
      level: (orNull(v.level) as StationBody['level']) ?? null,
      waterbody: water ? ((orNull(v.waterbody) as StationBody['waterbody']) ?? null) : null,
      waterName: water ? orNull(v.waterName) : null,
      targetClass: water ? orNull(v.targetClass) : null,
      township: orNull(v.township),
      longitude: orNull(v.longitude),
      latitude: orNull(v.latitude),
      countsFrom: orNull(v.countsFrom),
      countsTo: orNull(v.countsTo),
    };
    const r = await action.run(() => (station ? sendJson('PUT', api.monitoringStation(plan, station.id), body) : sendJson('POST', api.monitoringStations(plan), body)), t('monitoring.form.saved'));
    if (r === undefined) return;
    onSaved();
    onClose();
  };
  const text = (f: Field, testId: string) => <Input aria-label={labelOf(f)} value={v[f]} onChange={(e) => set(f)(e.target.value)} data-testid={testId} />;
  const choose = (f: Field, options: Array<{ value: string; label: string }>, testId: string, allowNone = true) => (
    <Select<string>
      aria-label={labelOf(f)}
      value={v[f]}
      onChange={set(f)}
      options={[...(allowNone ? [{ value: '', label: t('monitoring.form.none') }] : []), ...options]}
      data-testid={testId}
    />
  );

  return (
    <FormModal open title={station ? t('monitoring.form.edit', { name: station.name }) : t('monitoring.form.add')} busy={action.busy} onSave={() => void save()} onCancel={onClose} saveTestId="station-save">
      <Form layout="vertical" component="div">
        <BatchProblems problems={others} counting="form" style={{ marginBottom: 12 }} />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item label={labelOf('kind')} {...help('kind')}>
              {choose('kind', (['air', 'water', 'drinking'] as const).map((k) => ({ value: k, label: t(`monitoring.kind.${k}`) })), 'station-kind', false)}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={labelOf('code')} {...help('code')}>
              {text('code', 'station-code')}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={labelOf('level')} {...help('level')}>
              {choose('level', (['national', 'provincial', 'municipal', 'county'] as const).map((k) => ({ value: k, label: t(`monitoring.level.${k}`) })), 'station-level')}
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={labelOf('name')} {...help('name')}>
              {text('name', 'station-name')}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={labelOf('township')} {...help('township')}>
              {text('township', 'station-township')}
            </Form.Item>
          </Col>
        </Row>
        {water ? (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={labelOf('waterbody')} {...help('waterbody')}>
                {choose('waterbody', (['river', 'lake', 'reservoir'] as const).map((k) => ({ value: k, label: t(`monitoring.waterbody.${k}`) })), 'station-waterbody')}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={labelOf('waterName')} {...help('waterName')}>
                {text('waterName', 'station-water-name')}
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={labelOf('targetClass')} extra={t('monitoring.form.targetHint')} {...help('targetClass')}>
                {choose('targetClass', ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ'].map((c) => ({ value: c, label: c })), 'station-target')}
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={labelOf('longitude')} extra={t('monitoring.form.coordsHint')} {...help('longitude')}>
              {text('longitude', 'station-longitude')}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={labelOf('latitude')} {...help('latitude')}>
              {text('latitude', 'station-latitude')}
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={labelOf('countsFrom')} {...help('countsFrom')}>
              <Input type="date" aria-label={labelOf('countsFrom')} value={v.countsFrom} onChange={(e) => set('countsFrom')(e.target.value)} data-testid="station-counts-from" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={labelOf('countsTo')} {...help('countsTo')}>
              <Input type="date" aria-label={labelOf('countsTo')} value={v.countsTo} onChange={(e) => set('countsTo')(e.target.value)} data-testid="station-counts-to" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
