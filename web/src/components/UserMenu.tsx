// The signed-in user's name and the sign-out button, in the header.
import { Button, Typography } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from './SignInGate.tsx';

export function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return null;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, flex: 'none' }}>
      <Typography.Text style={{ color: '#d9eadf' }} data-testid="signed-in-user">
        {t('session.user', { name: session.user.displayName })}
      </Typography.Text>
      <Button size="small" onClick={() => void session.signOut()} data-testid="sign-out">
        {t('session.signOut')}
      </Button>
    </span>
  );
}
