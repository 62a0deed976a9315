// The data-entry sheet of one unit and year: what the clerk types (prefilled from the draft), checked as they
// type; 保存草稿 keeps it unassessed, 提交 records it all or nothing. Remounted (keyed) for each loaded sheet.
import { App, Flex, Form, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError, forgetCached, forgetCachedUnder, sendJson } from '../api/client.ts';
import type { EntryRow, EntrySheet } from '../api/types.ts';
import { useEntryCheck } from '../hooks/useEntryCheck.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  EMPTY_TYPED,
  filledEntries,
  initialTyped,
  isFilled,
  problemsByRow,
  rowKey,
  sameTyped,
  toEntry,
  type Typed,
} from '../lib/entry.ts';
import { EntryProblems } from './EntryProblems.tsx';
import { EntryTable } from './EntryTable.tsx';
import { EntryToolbar } from './EntryToolbar.tsx';

interface Props {
  sheet: EntrySheet;
  /** load the sheet again (after a submit) */
  onReload: () => void;
}

function byFramework(rows: EntryRow[]): { id: string; name: string; rows: EntryRow[] }[] {
  const groups: { id: string; name: string; rows: EntryRow[] }[] = [];
  for (const r of rows) {
    let g = groups.find((x) => x.id === r.framework);
    if (!g) groups.push((g = { id: r.framework, name: r.frameworkName, rows: [] }));
    g.rows.push(r);
  }
  return groups;
}

export function EntryForm({ sheet, onReload }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [typed, setTyped] = useState<Record<string, Typed>>(() => initialTyped(sheet));
  const [saved, setSaved] = useState<Record<string, Typed>>(() => initialTyped(sheet));
  const [savedAt, setSavedAt] = useState<string | null>(sheet.draft?.savedAt ?? null);
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const [rejected, setRejected] = useState(false);
  const check = useEntryCheck();
  const { checkNow, replace, schedule } = check;

  const groups = useMemo(() => byFramework(sheet.rows), [sheet.rows]);
  const filled = useMemo(() => filledEntries(sheet, typed), [sheet, typed]);
  const dirty = sheet.rows.some((r) => !sameTyped(typed[rowKey(r)], saved[rowKey(r)]));

  // a draft may hold values the rules now refuse: check them once when the sheet opens
  useEffect(() => {
    const start = filledEntries(sheet, initialTyped(sheet));
    checkNow(start.rows.map(rowKey), start.entries);
  }, [sheet, checkNow]);

  const onChange = (row: EntryRow, patch: Partial<Typed>) => {
    const key = rowKey(row);
    const next = { ...(typed[key] ?? EMPTY_TYPED), ...patch };
    setTyped((prev) => ({ ...prev, [key]: next }));
    schedule(key, isFilled(next) ? toEntry(row, next, sheet) : null);
  };

  const failed = (e: unknown, rows: EntryRow[]) => {
    if (e instanceof ApiError && e.problems.length) {
      replace(problemsByRow(rows, e.problems));
      setRejected(true);
    }
    const text = e instanceof ApiError && e.serverMessage ? e.serverMessage : t('entry.failed');
    void message.error(text);
  };

  const onSaveDraft = async () => {
    if (filled.entries.length === 0 && !sheet.draft && savedAt === null) {
      void message.info(t('entry.nothingToSave'));
      return;
    }
    setBusy('draft');
    try {
      const r = await sendJson<{ savedAt: string }>('PUT', api.drafts(sheet.plan, sheet.unit, sheet.year), { entries: filled.entries });
      forgetCached(api.entry(sheet.plan, sheet.unit, sheet.year));
      setSavedAt(r.savedAt);
      setSaved(typed);
      void message.success(t('entry.draftSaved'));
    } catch (e) {
      failed(e, filled.rows);
    } finally {
      setBusy(null);
    }
  };

  const onSubmit = async () => {
    if (filled.entries.length === 0) {
      void message.info(t('entry.nothingToSubmit'));
      return;
    }
    setBusy('submit');
    try {
      const r = await sendJson<{ recorded: number }>('POST', api.observations(), { observations: filled.entries });
      forgetCachedUnder(api.planPrefix(sheet.plan)); // the assessment and the sheet have changed
      void message.success(t('entry.submitted', { n: r.recorded }));
      setBusy(null);
      onReload();
    } catch (e) {
      failed(e, filled.rows);
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={12} data-entry-sheet="">
      <EntryToolbar
        filled={filled.entries.length}
        dirty={dirty}
        savedAt={savedAt}
        checking={check.checking.size > 0}
        busy={busy}
        onSaveDraft={() => void onSaveDraft()}
        onSubmit={() => void onSubmit()}
      />
      {rejected ? <EntryProblems rows={sheet.rows} problems={check.problems} /> : null}
      <Form component={false}>
        {groups.map((g) => (
          <section key={g.id} style={{ background: '#fff', padding: '12px 16px 16px', borderRadius: 8 }} data-testid={`entry-framework-${g.id}`}>
            <Typography.Title level={3} style={{ fontSize: 16, margin: '0 0 8px' }}>
              {t('entry.frameworkTitle', { name: g.name, n: g.rows.length })}
            </Typography.Title>
            <EntryTable rows={g.rows} year={sheet.year} typed={typed} problems={check.problems} onChange={onChange} />
          </section>
        ))}
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('entry.keyboardHint')}
      </Typography.Text>
    </Flex>
  );
}
