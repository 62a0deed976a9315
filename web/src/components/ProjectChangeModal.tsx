// 记录项目变更: add a project, adjust one (only the fields that change), or cancel one, always with the reason
// and the date it takes effect. The roll-ups then show the plan as issued beside the adjusted one.
import { AutoComplete, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { ChangeKind, TrackedProject } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { distinct } from '../lib/scorecard.ts';
import { problemsByField } from '../lib/tracking.ts';
import { BatchProblems } from './BatchProblems.tsx';
import { fieldHelp } from './fieldHelp.tsx';
import { FormModal } from './FormModal.tsx';

const FIELDS = ['name', 'group', 'category', 'investmentWan', 'yearStart', 'yearEnd', 'leadUnits', 'township'] as const;
type ChangeField = (typeof FIELDS)[number];

interface Props {
  open: boolean;
  onClose: () => void;
  plan: string;
  projects: TrackedProject[];
  /** the project to adjust or cancel, when opened from it */
  preset?: string;
  /** the date the change takes effect, by default */
  date: string;
  onSaved: () => void;
}

const empty = (): Record<ChangeField, string> => ({ name: '', group: '', category: '', investmentWan: '', yearStart: '', yearEnd: '', leadUnits: '', township: '' });

export function ProjectChangeModal({ open, onClose, plan, projects, preset, date, onSaved }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ChangeKind>(preset ? 'adjust' : 'add');
  const [project, setProject] = useState(preset ?? '');
  const [fields, setFields] = useState(empty);
  const [reason, setReason] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(date);
  const action = useAction();
  const problems = problemsByField(action.problems);
  const known = new Set<string>(['kind', 'project', 'reason', 'effectiveOn', ...FIELDS.map((f) => `fields.${f}`)]);
  const others = action.problems.filter((p) => !known.has(p.field));
  const groups = distinct(projects.map((p) => p.group));
  const live = projects.filter((p) => !p.cancelled);

  const save = async () => {
    const given = kind === 'cancel' ? {} : Object.fromEntries(FIELDS.filter((f) => fields[f].trim() !== '').map((f) => [f, fields[f].trim()]));
    const r = await action.run(
      () => sendJson('POST', api.projectChanges(), { plan, project: project.trim(), kind, fields: given, reason, effectiveOn }),
      t('change.saved'),
    );
    if (r === undefined) return;
    setFields(empty());
    setReason('');
    onSaved();
    onClose();
  };
  const text = (f: ChangeField, extra: { placeholder?: string; inputMode?: 'decimal' | 'numeric' } = {}) => (
    <Form.Item label={t(`change.field.${f}`)} {...fieldHelp(problems, `fields.${f}`, 'change')} style={{ marginBottom: 12 }}>
      <Input aria-label={t(`change.field.${f}`)} value={fields[f]} onChange={(e) => setFields((prev) => ({ ...prev, [f]: e.target.value }))} data-testid={`change-${f}`} {...extra} />
    </Form.Item>
  );

  return (
    <FormModal open={open} title={t('change.title')} busy={action.busy} onSave={() => void save()} onCancel={onClose} saveTestId="change-save">
      <Form layout="vertical" component="div">
        <BatchProblems problems={others} counting="form" style={{ marginBottom: 12 }} />
        <Form.Item label={t('change.kind')} {...fieldHelp(problems, 'kind', 'change')} style={{ marginBottom: 12 }}>
          <Radio.Group
            value={kind}
            onChange={(e) => setKind(e.target.value as ChangeKind)}
            optionType="button"
            options={(['add', 'adjust', 'cancel'] as const).map((k) => ({ value: k, label: t(`changeKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t(kind === 'add' ? 'change.newKey' : 'change.project')}
          extra={kind === 'add' ? t('change.newKeyHint') : undefined}
          {...fieldHelp(problems, 'project', 'change')}
          style={{ marginBottom: 12 }}
        >
          {kind === 'add' ? (
            <Input aria-label={t('change.newKey')} value={project} onChange={(e) => setProject(e.target.value)} data-testid="change-project" />
          ) : (
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('change.project')}
              value={project || undefined}
              onChange={setProject}
              options={live.map((p) => ({ value: p.key, label: t('change.projectOption', { key: p.key, name: p.name }) }))}
              data-testid="change-project"
            />
          )}
        </Form.Item>
        {kind !== 'cancel' ? (
          <>
            {kind === 'adjust' ? <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.55)' }}>{t('change.adjustHint')}</p> : null}
            <Row gutter={12}>
              <Col xs={24} md={12}>
                {text('name')}
              </Col>
              <Col xs={24} md={12}>
                <Form.Item label={t('change.field.group')} {...fieldHelp(problems, 'fields.group', 'change')} style={{ marginBottom: 12 }}>
                  <AutoComplete
                    aria-label={t('change.field.group')}
                    value={fields.group}
                    onChange={(v: string) => setFields((prev) => ({ ...prev, group: v }))}
                    options={groups.map((g) => ({ value: g }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                {text('category')}
              </Col>
              <Col xs={24} md={12}>
                {text('investmentWan', { inputMode: 'decimal' })}
              </Col>
              <Col xs={12} md={6}>
                {text('yearStart', { inputMode: 'numeric' })}
              </Col>
              <Col xs={12} md={6}>
                {text('yearEnd', { inputMode: 'numeric' })}
              </Col>
              <Col xs={24} md={12}>
                {text('township')}
              </Col>
              <Col xs={24}>{text('leadUnits', { placeholder: t('change.leadUnitsHint') })}</Col>
            </Row>
          </>
        ) : null}
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={t('change.reason')} {...fieldHelp(problems, 'reason', 'change')} style={{ marginBottom: 12 }}>
              <Input.TextArea aria-label={t('change.reason')} autoSize={{ minRows: 2, maxRows: 4 }} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="change-reason" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('change.effectiveOn')} {...fieldHelp(problems, 'effectiveOn', 'change')} style={{ marginBottom: 12 }}>
              <Input type="date" aria-label={t('change.effectiveOn')} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} data-testid="change-effectiveOn" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
