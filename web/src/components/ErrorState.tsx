// An error from the API: our own sentence, the server's message as it comes, and a retry button.
import { Alert, Button } from 'antd';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const lines = [
    error.status === null ? t('state.errorNetwork') : t('state.errorHttp', { status: error.status }),
    ...(error.serverMessage ? [t('state.errorServer', { message: error.serverMessage })] : []),
  ];
  return (
    <Alert
      type="error"
      showIcon
      title={t('state.error')}
      description={lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
