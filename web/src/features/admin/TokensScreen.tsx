// /admin/tokens: the bearer tokens of integrations and scripts, per user — listed (never the
// token itself), created (the secret shown this once) and revoked one by one.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Section } from '../../components/Page.tsx';
import { LoadFailed, Loading } from '../../components/States.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { errorText } from '../../lib/errors.ts';
import { useUsers, type Schemas } from './admin-api.ts';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors.ts';

type Token = Schemas['ApiToken'];

function NewToken({ userId, onCreated }: { userId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [secret, setSecret] = useState<Schemas['CreatedApiToken'] | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSecret(null);
    const n = Number(days);
    try {
      const created = await call<Schemas['CreatedApiToken']>(
        api.POST('/api/v1/users/{id}/tokens', {
          params: { path: { id: userId } },
          body: {
            ...(name.trim() ? { name: name.trim() } : {}),
            days: Number.isInteger(n) ? n : 0,
          },
        }),
      );
      setErrors(NO_ERRORS);
      setSecret(created);
      setName('');
      onCreated();
    } catch (err) {
      setErrors(formErrors(err, t, { 'TOKEN.BAD_LIFETIME': 'days' }));
    }
  };
  return (
    <Section id="new-token" title={t('admin.tokens.create')}>
      {secret && (
        <Alert tone="success" title={t('admin.tokens.created')}>
          <p className="mb-2">{t('admin.tokens.onlyOnce')}</p>
          <p className="mb-2">
            <code className="block rounded bg-white p-2 break-all text-slate-900">
              {secret.token}
            </code>
          </p>
          <p className="mb-2">
            {t('admin.tokens.expires')} <DateTime iso={secret.expiresAt} />
          </p>
          <CopyButton text={secret.token} label={t('admin.tokens.copy')} />
        </Alert>
      )}
      {errors.form && <Alert tone="error" title={errors.form} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="token-name"
          label={t('admin.tokens.name')}
          hint={t('admin.tokens.nameHint')}
          optional
          value={name}
          error={errors.fields.name}
          onInput={(e) => setName(e.currentTarget.value)}
          autoComplete="off"
        />
        <TextField
          id="token-days"
          type="number"
          inputMode="numeric"
          min={1}
          label={t('admin.tokens.days')}
          value={days}
          error={errors.fields.days}
          onInput={(e) => setDays(e.currentTarget.value)}
          className="sm:max-w-xs"
        />
        <Button type="submit">{t('admin.tokens.createButton')}</Button>
      </form>
    </Section>
  );
}

export function TokensScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const users = useUsers();
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const userId = chosen ?? users.data?.items[0]?.id ?? null;
  const tokens = useQuery({
    queryKey: ['admin', 'tokens', userId],
    queryFn: () =>
      call<Schemas['ApiTokenList']>(
        api.GET('/api/v1/users/{id}/tokens', { params: { path: { id: userId! } } }),
      ),
    enabled: !!userId,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'tokens', userId] });
  const revoke = async (token: Token) => {
    setMessage(null);
    try {
      await call(
        api.POST('/api/v1/users/{id}/tokens/{tokenId}/revoke', {
          params: { path: { id: token.userId, tokenId: token.id } },
        }),
      );
      setMessage({ tone: 'success', text: t('admin.tokens.revoked', { name: token.name }) });
      await refresh();
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(err, t) });
    }
  };
  if (users.isPending) return <Loading />;
  if (users.isError) return <LoadFailed error={users.error} retry={() => void users.refetch()} />;
  const state = (tk: Token) =>
    tk.revokedAt ? (
      <>
        {t('admin.tokens.revokedOn')} <DateTime iso={tk.revokedAt} />
      </>
    ) : new Date(tk.expiresAt).getTime() <= Date.now() ? (
      t('admin.tokens.expired')
    ) : (
      t('admin.tokens.valid')
    );
  return (
    <>
      <SelectField
        id="token-user"
        label={t('admin.tokens.user')}
        options={users.data.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
        value={userId ?? ''}
        onChange={(v) => {
          setMessage(null);
          if (v) setChosen(v);
        }}
      />
      <Section id="tokens" title={t('admin.tokens.list')}>
        <div aria-live="polite">
          {message && <Alert tone={message.tone} title={message.text} />}
        </div>
        {tokens.isPending && <Loading />}
        {tokens.isError && <LoadFailed error={tokens.error} retry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && <p>{t('admin.tokens.none')}</p>}
        {tokens.data && tokens.data.items.length > 0 && (
          <DataTable
            caption={t('admin.tokens.caption', {
              name: users.data.items.find((u) => u.id === userId)?.name ?? '',
            })}
            rows={tokens.data.items}
            rowKey={(tk) => tk.id}
            columns={[
              { header: t('admin.tokens.name'), cell: (tk) => tk.name },
              {
                header: t('admin.tokens.createdAt'),
                cell: (tk) => <DateTime iso={tk.createdAt} />,
              },
              {
                header: t('admin.tokens.expiresAt'),
                cell: (tk) => <DateTime iso={tk.expiresAt} />,
              },
              { header: t('admin.tokens.state'), cell: state },
              {
                header: t('admin.tokens.action'),
                cell: (tk) =>
                  tk.revokedAt ? (
                    '—'
                  ) : (
                    <Button variant="danger" onClick={() => void revoke(tk)}>
                      {t('admin.tokens.revoke', { name: tk.name })}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </Section>
      {userId && <NewToken key={userId} userId={userId} onCreated={() => void refresh()} />}
    </>
  );
}
