// 新增工作任务: an item of the annual work plan — the year, optionally the key task it breaks down (the plan's
// clauses, searchable), what is to be done, the lead and cooperating units, the deadline.
import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useMemo, useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { Tasks } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemsByField, taskClauses } from '../lib/tracking.ts';
import { BatchProblems } from './BatchProblems.tsx';
import { fieldHelp } from './fieldHelp.tsx';
import { FormModal } from './FormModal.tsx';

interface Props {
  open: boolean;
  onClose: () => void;
  plan: string;
  year: number;
  /** units to offer for lead and cooperating units */
  units: string[];
  onSaved: () => void;
}

const KNOWN = new Set(['year', 'task', 'title', 'leadUnit', 'cooperatingUnits', 'deadline', 'indicators']);
const short = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function WorkItemModal({ open, onClose, plan, year, units, onSaved }: Props) {
  const { t } = useI18n();
  const tasks = useApi<Tasks>(open ? api.tasks(plan) : null);
  const clauses = useMemo(() => (tasks.data ? taskClauses(tasks.data.tasks) : []), [tasks.data]);
  const [itemYear, setItemYear] = useState<number | null>(year);
  const [task, setTask] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [lead, setLead] = useState('');
  const [cooperating, setCooperating] = useState('');
  const [deadline, setDeadline] = useState(`${year}-12-31`);
  const action = useAction();
  const problems = problemsByField(action.problems);
  const others = action.problems.filter((p) => !KNOWN.has(p.field));
  const unitOptions = units.map((u) => ({ value: u }));

  const save = async () => {
    const item = { plan, year: itemYear ?? '', ...(task ? { task } : {}), title, leadUnit: lead, cooperatingUnits: cooperating, deadline };
    const r = await action.run(() => sendJson('POST', api.workItems(), { items: [item] }), t('workplan.saved'));
    if (r === undefined) return;
    setTask(undefined);
    setTitle('');
    onSaved();
    onClose();
  };
  const help = (f: string) => ({ ...fieldHelp(problems, f, 'item'), style: { marginBottom: 12 } });

  return (
    <FormModal open={open} title={t('workplan.add')} busy={action.busy} onSave={() => void save()} onCancel={onClose} saveTestId="item-save">
      <Form layout="vertical" component="div">
        <BatchProblems problems={others} counting="form" style={{ marginBottom: 12 }} />
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item label={t('workplan.field.year')} {...help('year')}>
              <InputNumber aria-label={t('workplan.field.year')} style={{ width: '100%' }} min={1949} max={2200} value={itemYear} onChange={setItemYear} data-testid="item-year" />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item label={t('workplan.field.task')} {...help('task')}>
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('workplan.field.task')}
                placeholder={t('workplan.taskPlaceholder')}
                loading={tasks.loading}
                value={task}
                onChange={(k) => {
                  setTask(k);
                  const c = clauses.find((x) => x.key === k);
                  if (c && title.trim() === '') setTitle(short(c.text, 60));
                }}
                options={clauses.map((c) => ({ value: c.key, label: t('workplan.taskOption', { key: c.key, text: short(c.text) }) }))}
                data-testid="item-task"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('workplan.field.title')} {...help('title')}>
          <Input.TextArea aria-label={t('workplan.field.title')} autoSize={{ minRows: 1, maxRows: 4 }} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="item-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('workplan.field.leadUnit')} {...help('leadUnit')}>
              <AutoComplete
                aria-label={t('workplan.field.leadUnit')}
                value={lead}
                onChange={(v: string) => setLead(v)}
                options={unitOptions}
                showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
                data-testid="item-lead"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('workplan.field.deadline')} {...help('deadline')}>
              <Input type="date" aria-label={t('workplan.field.deadline')} value={deadline} onChange={(e) => setDeadline(e.target.value)} data-testid="item-deadline" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('workplan.field.cooperatingUnits')} extra={t('workplan.field.unitsHint')} {...help('cooperatingUnits')}>
          <Input aria-label={t('workplan.field.cooperatingUnits')} value={cooperating} onChange={(e) => setCooperating(e.target.value)} data-testid="item-cooperating" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
