// `/login`: staff sign in; each role then lands on its home, or back where the session ended.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';
import { useLocation, useSearch } from 'wouter';
import { Alert } from '../components/Alert.tsx';
import { Button } from '../components/Button.tsx';
import { ErrorSummary, type FormProblem } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/Field.tsx';
import { Layout } from '../components/Layout.tsx';
import { Page } from '../components/Page.tsx';
import { ROLE_HOME, safeNext, signIn } from '../features/auth/index.ts';
import { errorText } from '../lib/errors.ts';

export default function LoginRoute() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const search = new URLSearchParams(useSearch());
  const next = safeNext(search.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const fieldError = (id: string) => problems.find((p) => p.field === id)?.message;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((n) => n + 1);
    const found: FormProblem[] = [];
    if (!email.trim()) found.push({ field: 'email', message: t('login.emailRequired') });
    if (!password) found.push({ field: 'password', message: t('login.passwordRequired') });
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      const session = await signIn(client, email.trim(), password);
      navigate(next ?? ROLE_HOME[session.user.role], { replace: true });
    } catch (err) {
      setProblems([{ field: null, message: errorText(err, t) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout>
      <Page title={t('login.title')}>
        {search.get('expired') && <Alert tone="info">{t('login.expired')}</Alert>}
        <p className="mb-6">{t('login.intro')}</p>
        <form noValidate onSubmit={(e) => void onSubmit(e)} className="max-w-md">
          <ErrorSummary problems={problems} focusKey={attempt} />
          <TextField
            id="email"
            type="email"
            label={t('login.email')}
            autoComplete="username"
            value={email}
            error={fieldError('email')}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <TextField
            id="password"
            type="password"
            label={t('login.password')}
            autoComplete="current-password"
            value={password}
            error={fieldError('password')}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" disabled={busy}>
            {t('login.submit')}
          </Button>
        </form>
      </Page>
    </Layout>
  );
}
