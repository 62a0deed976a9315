// Attach a file (photo, document) to a progress report, a task update or a reply: jpg, png, pdf, docx or xlsx,
// at most 10 MB (the server checks the bytes as well).
import { App } from 'antd';
import { api, sendFile } from '../api/client.ts';
import { useAction } from '../hooks/useAction.ts';
import { useI18n } from '../i18n/index.tsx';
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENT_BYTES, attachmentAccepted } from '../lib/tracking.ts';
import { FilePickButton } from './FilePickButton.tsx';

interface Props {
  plan: string;
  owner: 'progress' | 'taskUpdate' | 'reply';
  ownerId: number;
  onDone: () => void;
  testId?: string;
}

export function AttachButton({ plan, owner, ownerId, onDone, testId }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const action = useAction();
  const upload = async (file: File) => {
    if (!attachmentAccepted(file.name)) return void message.error(t('attach.badType', { name: file.name }));
    if (file.size > MAX_ATTACHMENT_BYTES) return void message.error(t('attach.tooLarge', { name: file.name }));
    const r = await action.run(() => sendFile(api.attachments(plan, owner, ownerId, file.name), file), t('attach.done', { name: file.name }));
    if (r !== undefined) onDone();
  };
  const problem = action.problems[0];
  return (
    <span title={t('attach.hint')}>
      <FilePickButton size="small" accept={ATTACHMENT_ACCEPT} onFile={(f) => void upload(f)} loading={action.busy} testId={testId}>
        {t('attach.add')}
      </FilePickButton>
      {problem ? (
        <span role="alert" style={{ color: '#cf1322', marginInlineStart: 8 }}>
          {problem.message}
        </span>
      ) : null}
    </span>
  );
}
