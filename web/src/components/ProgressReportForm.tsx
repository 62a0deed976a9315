// 填报进度: one project's report for a period (the last ended period by default): investment in the period or
// cumulative (one is enough; the server works out the other from the previous report), physical progress,
// status, milestones, problems, measures and unit (the reporter is the signed-in user; the date is today, or an
// earlier one the plan office states with a reason). The server checks it as it is typed
// (POST /api/progress/check, nothing saved) and again on submit; its problems stand beside the fields. After a
// submit, files can be attached to the report.
import { Alert, AutoComplete, Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, sendJson } from '../api/client.ts';
import type { ProgressInput, TrackedProject } from '../api/types.ts';
import { useAction } from '../hooks/useAction.ts';
import { useDryRun } from '../hooks/useDryRun.ts';
import { useI18n } from '../i18n/index.tsx';
import { PROJECT_STATUSES, problemsByField } from '../lib/tracking.ts';
import { AttachButton } from './AttachButton.tsx';
import { BatchProblems } from './BatchProblems.tsx';
import { fieldHelp } from './fieldHelp.tsx';

type Field = Exclude<keyof ProgressInput, 'plan' | 'project'>;
type Values = Record<Field, string>;

const TEXT_FIELDS = ['milestones', 'problems', 'measures'] as const;
/** fields the form shows; a problem with any other (plan, project) is said above the form */
const FORM_FIELDS: readonly Field[] = ['period', 'status', 'reportedOn', 'investmentPeriodWan', 'investmentCumulativeWan', 'physicalPercent', ...TEXT_FIELDS, 'reportingUnit', 'backdateReason'];

interface Props {
  plan: string;
  project: TrackedProject;
  /** recent ended periods, newest first; the first is the default */
  periods: string[];
  onSaved: () => void;
}

function blank(project: TrackedProject, period: string, keep?: Values): Values {
  return {
    period,
    status: '',
    reportedOn: '',
    investmentPeriodWan: '',
    investmentCumulativeWan: '',
    physicalPercent: '',
    milestones: '',
    problems: '',
    measures: '',
    reportingUnit: keep?.reportingUnit ?? project.leadUnits[0] ?? '',
    backdateReason: '',
  };
}

function entryOf(plan: string, project: string, v: Values): ProgressInput {
  const entry: ProgressInput = { plan, project, period: v.period.trim(), status: v.status };
  for (const f of FORM_FIELDS) if (f !== 'period' && f !== 'status' && v[f].trim() !== '') entry[f] = v[f].trim();
  return entry;
}

export function ProgressReportForm({ plan, project, periods, onSaved }: Props) {
  const { t } = useI18n();
  const [values, setValues] = useState<Values>(() => blank(project, periods[0] ?? ''));
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<{ id: number; period: string } | null>(null);
  const submit = useAction();
  const entry = entryOf(plan, project.key, values);
  const check = useDryRun(api.checkProgress(), touched.size > 0 ? { reports: [entry] } : null);
  const problems = problemsByField(submit.problems.length > 0 ? submit.problems : check.problems);
  // as typed, only the fields already touched speak; after a submit every field does
  const shown = tried ? problems : Object.fromEntries(Object.entries(problems).filter(([f]) => touched.has(f as Field)));
  const others = (submit.problems.length > 0 ? submit.problems : tried ? check.problems : []).filter((p) => !(FORM_FIELDS as readonly string[]).includes(p.field));

  const set = (f: Field) => (v: string) => {
    setValues((prev) => ({ ...prev, [f]: v }));
    setTouched((prev) => new Set(prev).add(f));
    submit.clear();
  };
  const item = (f: Field) => ({ label: t(`progress.field.${f}`), ...fieldHelp(shown, f, 'progress-form'), style: { marginBottom: 12 } });
  const input = (f: Field, extra: { suffix?: string; placeholder?: string; inputMode?: 'decimal' } = {}) => (
    <Input aria-label={t(`progress.field.${f}`)} value={values[f]} onChange={(e) => set(f)(e.target.value)} autoComplete="off" data-testid={`progress-form-${f}`} {...extra} />
  );

  const onSubmit = async () => {
    setTried(true);
    const r = await submit.run(() => sendJson<{ recorded: number; ids: number[] }>('POST', api.progressReports(), { reports: [entry] }), t('progress.submittedShort', { period: entry.period }));
    if (!r) return;
    setSaved({ id: r.ids[0]!, period: entry.period });
    setValues((prev) => blank(project, periods[0] ?? '', prev));
    setTouched(new Set());
    setTried(false);
    onSaved();
  };

  return (
    <Form layout="vertical" component="form" onFinish={() => void onSubmit()} data-testid="progress-form">
      <Typography.Paragraph type="secondary">{t('progress.form.intro')}</Typography.Paragraph>
      {saved ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="progress-form-saved"
          title={t('progress.submitted', { period: saved.period })}
          description={
            <Flex gap={8} align="center" wrap>
              <Typography.Text>{t('progress.attachAfter')}</Typography.Text>
              <AttachButton plan={plan} owner="progress" ownerId={saved.id} onDone={onSaved} testId="progress-form-attach" />
            </Flex>
          }
          closable={{ onClose: () => setSaved(null) }}
        />
      ) : null}
      <BatchProblems problems={others} counting="form" label={(f) => (f === 'project' || f === 'plan' ? t(`progress.field.${f}`) : f)} style={{ marginBottom: 12 }} />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item {...item('period')} extra={t('progress.field.periodHint')}>
            <AutoComplete
              aria-label={t('progress.field.period')}
              value={values.period}
              onChange={(v: string) => set('period')(v)}
              options={periods.map((p) => ({ value: p }))}
              data-testid="progress-form-period"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('status')}>
            <Select<string>
              aria-label={t('progress.field.status')}
              placeholder={t('progress.field.statusPlaceholder')}
              value={values.status || undefined}
              onChange={(v) => set('status')(v)}
              options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`projectStatus.${s}`) }))}
              data-testid="progress-form-status"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('reportedOn')} extra={t('progress.field.reportedOnHint')}>
            <Input type="date" aria-label={t('progress.field.reportedOn')} value={values.reportedOn} onChange={(e) => set('reportedOn')(e.target.value)} data-testid="progress-form-reportedOn" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('investmentPeriodWan')}>{input('investmentPeriodWan', { inputMode: 'decimal', suffix: t('progress.wanUnit') })}</Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('investmentCumulativeWan')}>{input('investmentCumulativeWan', { inputMode: 'decimal', suffix: t('progress.wanUnit') })}</Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item {...item('physicalPercent')}>{input('physicalPercent', { inputMode: 'decimal', suffix: '%' })}</Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: -4, fontSize: 12 }}>
        {t('progress.field.amountHint')}
      </Typography.Paragraph>
      {TEXT_FIELDS.map((f) => (
        <Form.Item key={f} {...item(f)}>
          <Input.TextArea aria-label={t(`progress.field.${f}`)} autoSize={{ minRows: 1, maxRows: 4 }} value={values[f]} onChange={(e) => set(f)(e.target.value)} data-testid={`progress-form-${f}`} />
        </Form.Item>
      ))}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item {...item('reportingUnit')}>{input('reportingUnit')}</Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item {...item('backdateReason')} extra={t('progress.field.backdateReasonHint')}>
            {input('backdateReason')}
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={12} align="center">
        <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="progress-form-submit">
          {t('progress.submit')}
        </Button>
        {check.checking ? <Typography.Text type="secondary">{t('progress.checking')}</Typography.Text> : null}
      </Flex>
    </Form>
  );
}
