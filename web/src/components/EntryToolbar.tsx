// The data-entry actions: how much is filled in, whether it is saved, 保存草稿 and 提交. Stays in view while scrolling.
import { Button, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';

interface Props {
  filled: number;
  dirty: boolean;
  savedAt: string | null;
  checking: boolean;
  busy: 'draft' | 'submit' | null;
  onSaveDraft: () => void;
  onSubmit: () => void;
}

export function EntryToolbar({ filled, dirty, savedAt, checking, busy, onSaveDraft, onSubmit }: Props) {
  const { t, lang } = useI18n();
  const savedText = savedAt ? t('entry.draftSavedAt', { time: new Date(savedAt).toLocaleString(lang) }) : null;
  return (
    <Flex
      wrap
      gap={8}
      align="center"
      style={{ position: 'sticky', top: 60, zIndex: 5, background: '#fff', padding: '10px 16px', borderRadius: 8, boxShadow: '0 1px 2px rgba(0,0,0,0.06)' }}
    >
      <Typography.Text aria-live="polite">{t('entry.filled', { n: filled })}</Typography.Text>
      {dirty ? <Tag color="orange">{t('entry.unsaved')}</Tag> : null}
      {savedText ? (
        <Typography.Text type="secondary" data-testid="entry-saved-at">
          {savedText}
        </Typography.Text>
      ) : null}
      {checking ? <Typography.Text type="secondary">{t('entry.checking')}</Typography.Text> : null}
      <div style={{ flex: 1 }} />
      <Button data-testid="entry-save-draft" onClick={onSaveDraft} loading={busy === 'draft'} disabled={busy !== null}>
        {t('entry.saveDraft')}
      </Button>
      <Button type="primary" data-testid="entry-submit" onClick={onSubmit} loading={busy === 'submit'} disabled={busy !== null}>
        {t('entry.submit')}
      </Button>
    </Flex>
  );
}
