// The workspace is for signed-in people: this shows the sign-in form (or, on a new installation, the
// form that creates the first administrator) until there is a session, then the workspace itself.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, api, forgetCachedUnder, getJson, sendJson, setCsrfToken, SIGNED_OUT_EVENT } from '../api/client.ts';
import type { SessionInfo, SessionUser } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { Loading } from './Loading.tsx';

interface SessionValue {
  user: SessionUser;
  signOut: () => Promise<void>;
}
const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue | null {
  return useContext(SessionContext);
}

export function SignInGate({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null>(null);
  const load = useCallback(async () => {
    try {
      const s = await getJson<SessionInfo>(api.session());
      setCsrfToken(s.csrfToken ?? null);
      setInfo(s);
    } catch {
      setInfo({ user: null });
    }
  }, []);
  useEffect(() => {
    void load();
    const onSignedOut = () => {
      setCsrfToken(null);
      setInfo((cur) => (cur?.user ? { user: null } : cur));
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [load]);
  const signOut = useCallback(async () => {
    await sendJson('DELETE', api.session(), {}).catch(() => undefined);
    setCsrfToken(null);
    forgetCachedUnder('/api/');
    setInfo({ user: null });
  }, []);
  if (!info) return <Loading />;
  if (!info.user) return <SignInPage setup={info.setupNeeded === true} onDone={load} />;
  return <SessionContext.Provider value={{ user: info.user, signOut }}>{children}</SessionContext.Provider>;
}

function SignInPage({ setup, onDone }: { setup: boolean; onDone: () => Promise<void> }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string; displayName?: string }) => {
    setBusy(true);
    setError(null);
    try {
      if (setup) await sendJson('POST', api.setup(), v);
      await sendJson('POST', api.session(), { username: v.username, password: v.password });
      forgetCachedUnder('/api/');
      await onDone();
    } catch (e) {
      const problems = e instanceof ApiError ? e.problems.map((p) => p.message).join(' ') : '';
      setError(e instanceof ApiError ? problems || e.serverMessage || t('signIn.failed') : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="ecociv-signin">
      <Card style={{ width: 400 }} data-testid="sign-in">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <LangSwitch />
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {setup ? t('signIn.setupIntro') : t('signIn.intro')}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="sign-in-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('signIn.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          {setup && (
            <Form.Item name="displayName" label={t('signIn.displayName')} rules={[{ required: true, message: t('signIn.required') }]}>
              <Input autoComplete="name" />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.required') }]} extra={setup ? t('signIn.passwordRule') : undefined}>
            <Input.Password autoComplete={setup ? 'new-password' : 'current-password'} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
            {setup ? t('signIn.createAdmin') : t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
