// One plan import under review: what was found (counts), what needs attention (each with its place), for a revised
// document the differences against the stored plan; then the extracted rows (plan, indicators, projects, key tasks)
// beside the document's text, the row's source line marked when a row is chosen; fields corrected in place (kept
// with the import); accept (the whole plan lands at once; a region the system lacks is chosen or created) or discard.
import { Alert, App, Button, Card, Col, Descriptions, Flex, Input, List, Modal, Popconfirm, Radio, Row, Select, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, forgetCached, sendJson } from '../api/client.ts';
import type { Accepted, FieldEdit, ImportJson, PlanDifference, PlanImportDetail, PlanImportLines } from '../api/types.ts';
import { errorText } from '../hooks/useAction.ts';
import { useApi } from '../hooks/useApi.ts';
import { useI18n, type Translate } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import { ErrorState } from './ErrorState.tsx';
import { Loading } from './Loading.tsx';

type Source = { line: number; table?: number; row?: number; column?: number };
type Indicator = ImportJson['frameworks'][number]['indicators'][number] & { framework: string; frameworkName: string; matched: boolean; key: string };
type Project = ImportJson['projects'][number] & { index: number };
type Task = ImportJson['tasks'][number] & { index: number };

const place = (s: Source | null | undefined, t: Translate): string => (!s ? '' : s.table !== undefined && s.row !== undefined ? t('planImport.place.cell', { table: s.table, row: s.row }) : t('planImport.place.line', { line: s.line }));
/** 万元 as plans print them: 亿元 from 10,000 万元 on. */
const amount = (wan: number, t: Translate): string => (Math.abs(wan) >= 10000 ? t('planImport.yi', { n: formatNumber(Math.round(wan / 100) / 100) }) : t('format.wan', { n: formatNumber(wan) }));

/** A value shown as text, turned into an input by its edit button; Enter or leaving the field saves, Esc cancels. */
function EditableText({ value, onSave, editable, testId, wide }: { value: string | null; onSave: (v: string) => Promise<boolean>; editable: boolean; testId?: string; wide?: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value ?? '');
  const saving = useRef(false);
  useEffect(() => {
    setText(value ?? '');
  }, [value]);
  const save = async () => {
    if (saving.current) return;
    if (text === (value ?? '')) return setEditing(false);
    saving.current = true;
    const ok = await onSave(text);
    saving.current = false;
    if (ok) setEditing(false);
  };
  if (editing)
    return (
      <Input
        size="small"
        autoFocus
        value={text}
        style={{ minWidth: wide ? 320 : 90 }}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => void save()}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setText(value ?? '');
            setEditing(false);
          }
        }}
        onClick={(e) => e.stopPropagation()}
        data-testid={testId ? `${testId}-input` : undefined}
      />
    );
  return (
    <Flex gap={4} align="baseline">
      <span>{value === null || value === '' ? <Typography.Text type="secondary">{t('planImport.empty')}</Typography.Text> : value}</span>
      {editable ? (
        <Button
          size="small"
          type="link"
          className="pi-edit"
          style={{ padding: 0, height: 'auto', fontSize: 12 }}
          onClick={(e) => {
            e.stopPropagation();
            setEditing(true);
          }}
          data-testid={testId}
        >
          {t('planImport.edit')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** The document's lines around a place, the place's line marked. */
function SourcePanel({ id, focus }: { id: number; focus: Source | null }) {
  const { t } = useI18n();
  const from = focus ? Math.max(1, focus.line - 6) : 1;
  const q = useApi<PlanImportLines>(focus ? api.planImportLines(id, from, focus.line + 14) : null);
  const marked = useRef<HTMLDivElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'nearest' });
  }, [q.data]);
  return (
    <Card size="small" title={focus ? `${t('planImport.source')} · ${place(focus, t)}` : t('planImport.source')} data-testid="plan-import-source" styles={{ body: { padding: 0 } }}>
      {!focus ? (
        <Typography.Paragraph type="secondary" style={{ margin: 12 }}>
          {t('planImport.source.hint')}
        </Typography.Paragraph>
      ) : q.error ? (
        <ErrorState error={q.error} onRetry={q.reload} />
      ) : !q.data ? (
        <Loading height={120} />
      ) : (
        <div style={{ maxHeight: 520, overflow: 'auto', fontSize: 13, lineHeight: 1.7 }}>
          {q.data.lines.map((line, i) => {
            const n = q.data!.from + i;
            const here = n === focus.line;
            return (
              <div
                key={n}
                ref={here ? marked : undefined}
                data-testid={here ? 'plan-import-source-marked' : undefined}
                style={{ display: 'flex', gap: 8, padding: '0 12px', background: here ? '#fff1b8' : undefined, borderInlineStart: here ? '3px solid #faad14' : '3px solid transparent' }}
              >
                <span style={{ color: '#999', minWidth: 40, textAlign: 'right', userSelect: 'none' }}>{n}</span>
                <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{line.replace(/\t/g, '  ')}</span>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}

function Differences({ diffs }: { diffs: PlanDifference[] }) {
  const { t } = useI18n();
  const color = { added: 'green', removed: 'red', changed: 'blue' } as const;
  return (
    <Card size="small" title={t('planImport.differences', { n: diffs.length })} data-testid="plan-import-differences">
      {diffs.length === 0 ? (
        <Typography.Text type="secondary">{t('planImport.differences.none')}</Typography.Text>
      ) : (
        <Table<PlanDifference & { key: number }>
          size="small"
          pagination={diffs.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={diffs.map((d, key) => ({ ...d, key }))}
          columns={[
            { title: t('planImport.col.change'), dataIndex: 'change', width: 70, render: (v: PlanDifference['change']) => <Tag color={color[v]}>{t(`planImport.change.${v}`)}</Tag> },
            { title: t('planImport.col.what'), dataIndex: 'label' },
            { title: t('planImport.col.field'), dataIndex: 'field', width: 120, render: (v: string | null) => v ?? '' },
            { title: t('planImport.col.before'), dataIndex: 'before', width: 140, render: (v: string | null) => v ?? '' },
            { title: t('planImport.col.after'), dataIndex: 'after', width: 140, render: (v: string | null) => v ?? '' },
          ]}
        />
      )}
    </Card>
  );
}

/** Choose the region the plan belongs to, or create a 区县 under one. */
function RegionModal({ open, data, onCancel, onChoose }: { open: boolean; data: PlanImportDetail; onCancel: () => void; onChoose: (c: { region?: string; newRegion?: { name: string; parent: string } }) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'existing' | 'create'>('existing');
  const [region, setRegion] = useState<string>();
  const [name, setName] = useState(data.region ?? '');
  const [parent, setParent] = useState<string>();
  const ready = mode === 'existing' ? !!region : !!name.trim() && !!parent;
  return (
    <Modal
      open={open}
      title={t('planImport.accept.regionTitle')}
      okText={t('planImport.accept')}
      cancelText={t('planImport.cancel')}
      okButtonProps={{ disabled: !ready, 'data-testid': 'plan-import-region-ok' } as never}
      onCancel={onCancel}
      onOk={() => onChoose(mode === 'existing' ? { region: region! } : { newRegion: { name: name.trim(), parent: parent! } })}
    >
      <Flex vertical gap={12}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'existing' | 'create')}>
          <Radio value="existing">{t('planImport.accept.existing')}</Radio>
          <Radio value="create" data-testid="plan-import-region-create">
            {t('planImport.accept.create')}
          </Radio>
        </Radio.Group>
        {mode === 'existing' ? (
          <Select<string> aria-label={t('planImport.accept.region')} placeholder={t('planImport.accept.region')} value={region} onChange={setRegion} options={data.regions.filter((r) => r.level === '区县').map((r) => ({ value: r.name, label: r.name }))} />
        ) : (
          <>
            <Typography.Text type="secondary">{t('planImport.accept.newName')}</Typography.Text>
            <Input aria-label={t('planImport.accept.newName')} placeholder={t('planImport.accept.newName')} value={name} onChange={(e) => setName(e.target.value)} data-testid="plan-import-region-name" />
            <Typography.Text type="secondary">{t('planImport.accept.parent')}</Typography.Text>
            <Select<string> aria-label={t('planImport.accept.parent')} placeholder={t('planImport.accept.parent')} value={parent} onChange={setParent} options={data.regions.filter((r) => r.level !== '乡镇街道').map((r) => ({ value: r.name, label: r.name }))} data-testid="plan-import-region-parent" />
          </>
        )}
      </Flex>
    </Modal>
  );
}

export function PlanImportReview({ id, onDecided }: { id: number; onDecided: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useApi<PlanImportDetail>(api.planImport(id));
  const [local, setLocal] = useState<PlanImportDetail | null>(null);
  const [focus, setFocus] = useState<Source | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const data = local ?? q.data;

  const indicators = useMemo<Indicator[]>(
    () => (data ? data.extraction.frameworks.flatMap((f) => f.indicators.map((i) => ({ ...i, framework: f.id, frameworkName: f.name, matched: f.matched !== null, key: `${f.id}|${i.number}|${i.part ?? ''}` }))) : []),
    [data],
  );
  if (q.error) return <ErrorState error={q.error} onRetry={q.reload} />;
  if (!data) return <Loading height={200} />;
  const x = data.extraction;
  const pending = data.status === 'pending';
  const years = [...new Set([...x.plan.targetYears, ...indicators.flatMap((i) => i.targets.map((tg) => tg.year))])].sort();

  const edit = async (e: FieldEdit): Promise<boolean> => {
    try {
      const next = await sendJson<PlanImportDetail>('PUT', api.planImport(id), { edits: [e] });
      forgetCached(api.planImport(id));
      setLocal(next);
      void message.success(t('planImport.edit.saved'));
      return true;
    } catch (err) {
      void message.error(errorText(err, t));
      return false;
    }
  };

  const accept = async (choice: { region?: string; newRegion?: { name: string; parent: string } } = {}) => {
    setBusy(true);
    setRefusal(null);
    try {
      const r = await sendJson<Accepted>('POST', api.planImportAccept(id), choice);
      setAsking(false);
      void message.success(t('planImport.accept.done', { title: r.title, region: r.region, indicators: r.indicators, projects: r.projects, tasks: r.tasks }), 6);
      if (r.keptFigures > 0) void message.info(t('planImport.accept.kept', { n: r.keptFigures }), 6);
      forgetCached(api.planImport(id));
      setLocal(null);
      q.reload();
      onDecided();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'unknownRegion') {
        setAsking(true);
        setRefusal(e.serverMessage);
      } else setRefusal(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const discard = async () => {
    setBusy(true);
    try {
      await sendJson('DELETE', api.planImport(id), undefined);
      void message.success(t('planImport.discard.done'));
      forgetCached(api.planImport(id));
      setLocal(null);
      q.reload();
      onDecided();
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const choose = (key: string, source: Source | null | undefined) => {
    setSelectedKey(key);
    setFocus(source ?? null);
  };
  const rowProps = (key: string, source: Source | null | undefined) => ({ onClick: () => choose(key, source), className: key === selectedKey ? 'pi-chosen' : undefined, style: { cursor: 'pointer', background: key === selectedKey ? '#e6f4ff' : undefined } });

  const c = data.counts;
  const planTab = (
    <Descriptions size="small" column={1} bordered data-testid="plan-import-plan">
      {(
        [
          ['title', x.plan.title],
          ['region', x.plan.region],
          ['periodStart', x.plan.periodStart === null ? null : String(x.plan.periodStart)],
          ['periodEnd', x.plan.periodEnd === null ? null : String(x.plan.periodEnd)],
          ['baseYear', x.plan.baseYear === null ? null : String(x.plan.baseYear)],
          ['targetYears', x.plan.targetYears.join('、')],
        ] as const
      ).map(([field, value]) => (
        <Descriptions.Item key={field} label={t(`planImport.field.${field}`)}>
          <EditableText value={value} editable={pending} wide={field === 'title'} testId={`plan-import-edit-${field}`} onSave={(v) => edit({ kind: 'planField', field, value: v })} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );

  const indicatorTab = (
    <Table<Indicator>
      size="small"
      rowKey="key"
      data-testid="plan-import-indicators"
      pagination={indicators.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      dataSource={indicators}
      onRow={(r) => rowProps(r.key, r.source)}
      columns={[
        { title: t('planImport.col.number'), dataIndex: 'number', width: 52, fixed: 'left' },
        {
          title: t('planImport.col.name'),
          key: 'name',
          width: 220,
          render: (_: unknown, r) => (
            <Flex vertical>
              <span>{r.part ? `${r.name} · ${r.part}` : r.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.frameworkName} · {r.matched ? t('planImport.builtin') : t('planImport.own')}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('planImport.col.unit'), dataIndex: 'unit', width: 80, render: (v: string | null, r) => <EditableText value={v} editable={pending && !r.matched} onSave={(val) => edit({ kind: 'indicator', framework: r.framework, number: r.number, part: r.part, field: 'unit', value: val })} /> },
        {
          title: t('planImport.col.baseline'),
          key: 'baseline',
          width: 120,
          render: (_: unknown, r) => <EditableText value={r.baseline?.printed ?? null} editable={pending} testId={`plan-import-edit-baseline-${r.number}`} onSave={(val) => edit({ kind: 'indicator', framework: r.framework, number: r.number, part: r.part, field: 'baseline', value: val })} />,
        },
        ...years.map((y) => ({
          title: t('planImport.col.target', { year: y }),
          key: `target-${y}`,
          width: 120,
          render: (_: unknown, r: Indicator) => <EditableText value={r.targets.find((tg) => tg.year === y)?.printed ?? null} editable={pending} onSave={(val) => edit({ kind: 'indicator', framework: r.framework, number: r.number, part: r.part, field: 'target', year: y, value: val })} />,
        })),
        { title: t('planImport.col.leadUnits'), key: 'leadUnits', width: 180, render: (_: unknown, r) => <EditableText value={r.leadUnits.join('、')} editable={pending} onSave={(val) => edit({ kind: 'indicator', framework: r.framework, number: r.number, part: r.part, field: 'leadUnits', value: val })} /> },
      ]}
    />
  );

  const projects: Project[] = x.projects.map((p, index) => ({ ...p, index }));
  const projectTab = (
    <Table<Project>
      size="small"
      rowKey="index"
      data-testid="plan-import-projects"
      pagination={projects.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      dataSource={projects}
      onRow={(r) => rowProps(`p${r.index}`, r.source)}
      columns={[
        { title: t('planImport.col.number'), dataIndex: 'number', width: 52, render: (v: number | null) => v ?? '' },
        { title: t('planImport.col.group'), dataIndex: 'group', width: 140, render: (v: string, r) => <EditableText value={v} editable={pending} onSave={(val) => edit({ kind: 'project', index: r.index, field: 'group', value: val })} /> },
        { title: t('planImport.col.projectName'), dataIndex: 'name', width: 240, render: (v: string, r) => <EditableText value={v} editable={pending} onSave={(val) => edit({ kind: 'project', index: r.index, field: 'name', value: val })} /> },
        {
          title: t('planImport.col.investment'),
          dataIndex: 'investmentWan',
          width: 120,
          align: 'right',
          render: (v: number | null, r) => <EditableText value={v === null ? null : formatNumber(v)} editable={pending} testId={`plan-import-edit-investment-${r.index}`} onSave={(val) => edit({ kind: 'project', index: r.index, field: 'investmentWan', value: val })} />,
        },
        { title: t('planImport.col.period'), dataIndex: 'period', width: 130, render: (v: string | null, r) => <EditableText value={v} editable={pending} onSave={(val) => edit({ kind: 'project', index: r.index, field: 'period', value: val })} /> },
        { title: t('planImport.col.leadUnit'), dataIndex: 'leadUnit', width: 160, render: (v: string | null, r) => <EditableText value={v} editable={pending} onSave={(val) => edit({ kind: 'project', index: r.index, field: 'leadUnit', value: val })} /> },
      ]}
    />
  );

  const tasks: Task[] = x.tasks.map((tk, index) => ({ ...tk, index }));
  const taskTab = (
    <Table<Task>
      size="small"
      rowKey="index"
      data-testid="plan-import-tasks"
      pagination={tasks.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
      dataSource={tasks}
      onRow={(r) => rowProps(`t${r.index}`, r.source)}
      columns={[
        { title: t('planImport.col.chapter'), key: 'chapter', width: 180, render: (_: unknown, r) => <Typography.Text style={{ fontSize: 12 }}>{r.section ? `${r.chapter} / ${r.section}` : r.chapter}</Typography.Text> },
        { title: t('planImport.col.text'), dataIndex: 'text', render: (v: string, r) => <EditableText value={v} editable={pending} wide onSave={(val) => edit({ kind: 'task', index: r.index, field: 'text', value: val })} /> },
        { title: t('planImport.col.figures'), key: 'figures', width: 150, render: (_: unknown, r) => r.figures.map((f) => (f.name ? `${f.name} ${f.printed}` : f.printed)).join('；') },
      ]}
    />
  );

  return (
    <Flex vertical gap={16} data-testid="plan-import-review">
      <Card
        size="small"
        title={t('planImport.report', { file: data.fileName })}
        extra={
          pending ? (
            <Flex gap={8}>
              <Popconfirm title={t('planImport.discard.confirm')} okText={t('planImport.ok')} cancelText={t('planImport.cancel')} onConfirm={() => void discard()}>
                <Button danger disabled={busy} data-testid="plan-import-discard">
                  {t('planImport.discard')}
                </Button>
              </Popconfirm>
              {data.regionKnown ? (
                <Popconfirm title={t('planImport.accept.confirm')} okText={t('planImport.ok')} cancelText={t('planImport.cancel')} onConfirm={() => void accept()}>
                  <Button type="primary" loading={busy} data-testid="plan-import-accept">
                    {t('planImport.accept')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="primary" loading={busy} onClick={() => setAsking(true)} data-testid="plan-import-accept">
                  {t('planImport.accept')}
                </Button>
              )}
            </Flex>
          ) : (
            <Tag color={data.status === 'accepted' ? 'green' : 'default'}>{t(`planImport.status.${data.status}`)}</Tag>
          )
        }
      >
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="plan-import-title">
            {x.plan.title}
            {x.plan.region ? <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 8 }}>{x.plan.region}</Typography.Text> : null}
          </Typography.Title>
          <Row gutter={16} data-testid="plan-import-counts">
            <Col span={4}><Statistic title={t('planImport.count.frameworks')} value={c.frameworks} /></Col>
            <Col span={4}><Statistic title={t('planImport.count.indicators')} value={c.indicators} /></Col>
            <Col span={4}><Statistic title={t('planImport.count.projects')} value={c.projects} /></Col>
            <Col span={4}><Statistic title={t('planImport.count.investment')} value={amount(c.investmentWan, t)} /></Col>
            <Col span={4}><Statistic title={t('planImport.count.tasks')} value={c.tasks} /></Col>
            <Col span={4}><Statistic title={t('planImport.count.findings')} value={c.findings} valueStyle={c.findings > 0 ? { color: '#d46b08' } : undefined} /></Col>
          </Row>
          {data.replaces ? <Alert type="info" showIcon title={t('planImport.revision', { title: data.replaces.title })} data-testid="plan-import-revision" /> : null}
          {pending && !data.regionKnown ? <Alert type="warning" showIcon title={data.region ? t('planImport.unknownRegion', { region: data.region }) : t('planImport.noRegionStated')} /> : null}
          {data.status === 'accepted' && data.decidedAt ? <Alert type="success" showIcon title={t('planImport.accepted', { at: data.decidedAt.slice(0, 16).replace('T', ' '), by: data.decidedBy ?? '' })} /> : null}
          {data.status === 'discarded' && data.decidedAt ? <Alert type="warning" showIcon title={t('planImport.discarded', { at: data.decidedAt.slice(0, 16).replace('T', ' '), by: data.decidedBy ?? '' })} /> : null}
          {refusal ? <Alert type="error" showIcon title={refusal} closable={{ onClose: () => setRefusal(null) }} data-testid="plan-import-refusal" /> : null}
          <div>
            <Typography.Text strong>{x.findings.length === 0 ? t('planImport.attention.none') : t('planImport.attention', { n: x.findings.length })}</Typography.Text>
            {x.findings.length > 0 ? (
              <List
                size="small"
                data-testid="plan-import-findings"
                dataSource={x.findings.map((f, i) => ({ ...f, i }))}
                renderItem={(f) => (
                  <List.Item style={{ cursor: f.source ? 'pointer' : undefined, background: `f${f.i}` === selectedKey ? '#e6f4ff' : undefined }} onClick={() => f.source && choose(`f${f.i}`, f.source)}>
                    <Flex gap={8} align="baseline" wrap="wrap">
                      <Tag color="orange">{t(`planImport.kind.${f.kind}`)}</Tag>
                      {f.source ? <Typography.Text type="secondary">{place(f.source, t)}</Typography.Text> : null}
                      <span>{f.message}</span>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : null}
          </div>
        </Flex>
      </Card>
      {data.differences ? <Differences diffs={data.differences} /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" className="plan-import-rows" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              defaultActiveKey={indicators.length > 0 ? 'indicators' : 'plan'}
              items={[
                { key: 'plan', label: t('planImport.tab.plan'), children: planTab },
                { key: 'indicators', label: t('planImport.tab.indicators', { n: indicators.length }), children: indicatorTab },
                { key: 'projects', label: t('planImport.tab.projects', { n: projects.length }), children: projectTab },
                { key: 'tasks', label: t('planImport.tab.tasks', { n: tasks.length }), children: taskTab },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ position: 'sticky', top: 16 }}>
            <SourcePanel id={id} focus={focus} />
          </div>
        </Col>
      </Row>
      {asking ? <RegionModal open={asking} data={data} onCancel={() => setAsking(false)} onChoose={(choice) => void accept(choice)} /> : null}
    </Flex>
  );
}
